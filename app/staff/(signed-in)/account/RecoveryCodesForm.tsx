"use client";

import { useActionState } from "react";
import { regenerateRecoveryCodesAction, type RecoveryCodesState } from "@/app/staff/(signed-in)/account/actions";

// New codes are shown once, right here; the old ones stop working.
export function RecoveryCodesForm() {
  const [state, action, pending] = useActionState<RecoveryCodesState, FormData>(regenerateRecoveryCodesAction, {});
  if (state.recoveryCodes) {
    return (
      <div role="status">
        <p>Your new recovery codes. Each works once. Store them somewhere safe now: they will not be shown again. The old codes no longer work.</p>
        <ul className="codes">
          {state.recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <form action={action} noValidate aria-labelledby="codes-heading">
      <div className={state.formError ? "field field--error" : "field"}>
        <label htmlFor="codes-password">Your password</label>
        {state.formError ? (
          <p id="codes-password-error" className="field-error" role="alert">
            {state.formError}
          </p>
        ) : null}
        <input
          id="codes-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={Boolean(state.formError)}
          aria-describedby={state.formError ? "codes-password-error" : undefined}
        />
      </div>
      <button className="button-secondary" type="submit" disabled={pending}>
        {pending ? "Making new codes…" : "Make new recovery codes"}
      </button>
    </form>
  );
}
