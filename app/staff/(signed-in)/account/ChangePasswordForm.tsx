"use client";

import { useActionState } from "react";
import { changePasswordAction, type ChangePasswordState } from "@/app/staff/(signed-in)/account/actions";

type Field = "currentPassword" | "newPassword" | "confirmPassword" | "code";

// Works without JavaScript too: the form posts to the server action.
export function ChangePasswordForm() {
  const [state, action, pending] = useActionState<ChangePasswordState, FormData>(changePasswordAction, {});
  const errors = state.fieldErrors ?? {};
  const field = (name: Field, label: string, props: React.InputHTMLAttributes<HTMLInputElement>, hint?: string) => {
    const describedBy = [hint ? `${name}-hint` : null, errors[name] ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
    return (
      <div className={errors[name] ? "field field--error" : "field"}>
        <label htmlFor={name}>{label}</label>
        {hint ? (
          <p id={`${name}-hint`} className="hint">
            {hint}
          </p>
        ) : null}
        {errors[name] ? (
          <p id={`${name}-error`} className="field-error">
            {errors[name]}
          </p>
        ) : null}
        <input id={name} name={name} required aria-invalid={Boolean(errors[name])} aria-describedby={describedBy} {...props} />
      </div>
    );
  };
  return (
    <form action={action} noValidate aria-labelledby="password-heading">
      {state.formError ? (
        <p className="alert alert--error" role="alert">
          {state.formError}
        </p>
      ) : null}
      {state.ok ? (
        <p className="alert" role="status">
          {state.ok}
        </p>
      ) : null}
      {field("currentPassword", "Current password", { type: "password", autoComplete: "current-password" })}
      {field("newPassword", "New password", { type: "password", autoComplete: "new-password", minLength: 12 }, "At least 12 characters. A short sentence is easy to remember and hard to guess.")}
      {field("confirmPassword", "Type the new password again", { type: "password", autoComplete: "new-password" })}
      {field("code", "6-digit code from your authenticator app", { type: "text", inputMode: "numeric", autoComplete: "one-time-code" })}
      <button className="button-primary" type="submit" disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
