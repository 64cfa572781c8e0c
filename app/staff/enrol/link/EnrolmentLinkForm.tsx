"use client";

import { useActionState } from "react";
import { AccessLinkForm } from "@/components/staff/AccessLinkForm";
import { redeemEnrolmentLinkAction, type EnrolmentLinkState } from "@/app/staff/enrol/link/actions";

export function EnrolmentLinkForm() {
  const [state, action, pending] = useActionState<EnrolmentLinkState, FormData>(redeemEnrolmentLinkAction, {});
  const error = state.fieldErrors?.password;
  return (
    <AccessLinkForm action={action} formError={state.formError}>
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
    </AccessLinkForm>
  );
}
