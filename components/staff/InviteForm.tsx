"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { fieldErrorOf, outcomeOf } from "@/lib/actions/action-state";

// `invite` is the page's server action (components never import from app/).
export function InviteForm({ invite }: { invite: (previous: ActionState, form: FormData) => Promise<ActionState> }) {
  const [state, action, pending] = useActionState(invite, null);
  const emailError = fieldErrorOf(state, "email");
  const outcome = outcomeOf(state);
  return (
    <form action={action} noValidate>
      <div className="form-row">
        <div className={emailError ? "field field--error" : "field"}>
          <label htmlFor="invite-email">Email address</label>
          {emailError ? <p id="invite-email-error" className="field-error">{emailError}</p> : null}
          <input id="invite-email" name="email" type="email" required aria-invalid={Boolean(emailError)} aria-describedby={emailError ? "invite-email-error" : undefined} />
        </div>
        <div className="field">
          <label htmlFor="invite-role">Role</label>
          <select id="invite-role" name="role" defaultValue="coordinator">
            <option value="coordinator">Intake coordinator</option>
            <option value="admin">Administrator</option>
          </select>
        </div>
        <button className="button-primary button-inline" type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send invitation"}
        </button>
      </div>
      <p role="status" className={outcome.problem && !emailError ? "alert alert--error" : undefined}>{emailError ? "" : outcome.text}</p>
    </form>
  );
}
