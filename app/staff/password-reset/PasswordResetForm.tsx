"use client";

import { useActionState, useSyncExternalStore } from "react";
import { resetPasswordAction, type PasswordResetState } from "@/app/staff/password-reset/actions";

// The token arrives in the URL fragment (never sent to any server by the
// browser); it is read here and posted with the form.
function readToken(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get("token") ?? "";
}
const noSubscription = () => () => {};

export function PasswordResetForm() {
  const token = useSyncExternalStore(noSubscription, readToken, () => null);
  const [state, action, pending] = useActionState<PasswordResetState, FormData>(resetPasswordAction, {});
  if (token === null) return <p>Loading your link…</p>;
  if (!token) return <p className="alert alert--error">This link has nothing in it. Open the link from your email again.</p>;
  const errors = state.fieldErrors ?? {};
  const described = (field: keyof typeof errors) => (errors[field] ? `${field}-error` : undefined);
  return (
    <form action={action} noValidate>
      {state.formError ? (
        <p className="alert alert--error" role="alert">
          {state.formError}
        </p>
      ) : null}
      <input type="hidden" name="token" value={token} />
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
    </form>
  );
}
