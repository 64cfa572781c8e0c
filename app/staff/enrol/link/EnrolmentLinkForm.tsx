"use client";

import { useActionState, useSyncExternalStore } from "react";
import { redeemEnrolmentLinkAction, type EnrolmentLinkState } from "@/app/staff/enrol/link/actions";

// The token arrives in the URL fragment (never sent to any server by the
// browser); it is read here and posted with the form.
function readToken(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get("token") ?? "";
}
const noSubscription = () => () => {};

export function EnrolmentLinkForm() {
  const token = useSyncExternalStore(noSubscription, readToken, () => null);
  const [state, action, pending] = useActionState<EnrolmentLinkState, FormData>(redeemEnrolmentLinkAction, {});
  if (token === null) return <p>Loading your link…</p>;
  if (!token) return <p className="alert alert--error">This link has nothing in it. Open the link from your email again.</p>;
  const error = state.fieldErrors?.password;
  return (
    <form action={action} noValidate>
      {state.formError ? (
        <p className="alert alert--error" role="alert">
          {state.formError}
        </p>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <div className={error ? "field field--error" : "field"}>
        <label htmlFor="password">Your password</label>
        {error ? (
          <p id="password-error" className="field-error">
            {error}
          </p>
        ) : null}
        <input id="password" name="password" type="password" autoComplete="current-password" required aria-invalid={Boolean(error)} aria-describedby={error ? "password-error" : undefined} />
      </div>
      <button className="button-primary" type="submit" disabled={pending}>
        {pending ? "Checking…" : "Continue to set-up"}
      </button>
    </form>
  );
}
