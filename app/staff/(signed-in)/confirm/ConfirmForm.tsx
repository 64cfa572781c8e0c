"use client";

import { useActionState } from "react";
import { confirmIdentityAction, type ConfirmState } from "@/app/staff/(signed-in)/confirm/actions";

// Works without JavaScript too: the form posts to the server action.
export function ConfirmForm(props: { next: string }) {
  const [state, action, pending] = useActionState<ConfirmState, FormData>(confirmIdentityAction, {});
  return (
    <form action={action} noValidate>
      <input type="hidden" name="next" value={props.next} />
      <div className={state.error ? "field field--error" : "field"}>
        <label htmlFor="secret">Your password, or the 6-digit code from your authenticator app</label>
        {state.error ? (
          <p id="secret-error" className="field-error" role="alert">
            {state.error}
          </p>
        ) : null}
        <input id="secret" name="secret" type="password" autoComplete="current-password" required aria-invalid={Boolean(state.error)} aria-describedby={state.error ? "secret-error" : undefined} />
      </div>
      <button className="button-primary" type="submit" disabled={pending}>
        {pending ? "Checking…" : "Confirm"}
      </button>
    </form>
  );
}
