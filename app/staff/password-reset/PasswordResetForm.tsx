"use client";

import { useActionState } from "react";
import { AccessLinkForm } from "@/components/staff/AccessLinkForm";
import { resetPasswordAction, type PasswordResetState } from "@/app/staff/password-reset/actions";

export function PasswordResetForm() {
  const [state, action, pending] = useActionState<PasswordResetState, FormData>(resetPasswordAction, {});
  const errors = state.fieldErrors ?? {};
  const described = (field: keyof typeof errors) => (errors[field] ? `${field}-error` : undefined);
  return (
    <AccessLinkForm action={action} formError={state.formError}>
      <div className={errors.password ? "field field--error" : "field"}>
        <label htmlFor="password">New password</label>
        <p id="password-hint" className="hint">
          At least 12 characters. A short sentence is easy to remember and hard to guess.
        </p>
        {errors.password ? (
          <p id="password-error" className="field-error">
            {errors.password}
          </p>
        ) : null}
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          aria-invalid={Boolean(errors.password)}
          aria-describedby={["password-hint", described("password")].filter(Boolean).join(" ")}
        />
      </div>
      <div className={errors.confirmPassword ? "field field--error" : "field"}>
        <label htmlFor="confirmPassword">Type it again</label>
        {errors.confirmPassword ? (
          <p id="confirmPassword-error" className="field-error">
            {errors.confirmPassword}
          </p>
        ) : null}
        <input id="confirmPassword" name="confirmPassword" type="password" autoComplete="new-password" required aria-invalid={Boolean(errors.confirmPassword)} aria-describedby={described("confirmPassword")} />
      </div>
      <button className="button-primary" type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save my new password"}
      </button>
    </AccessLinkForm>
  );
}
