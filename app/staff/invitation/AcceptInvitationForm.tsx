"use client";

import { useActionState } from "react";
import { acceptInvitationAction, type AcceptInvitationState } from "@/app/staff/invitation/actions";
import { useFragmentToken } from "@/components/staff/use-fragment-token";
import { FormErrorAlert } from "@/components/ui/FormErrorAlert";

export function AcceptInvitationForm() {
  const token = useFragmentToken();
  const [state, action, pending] = useActionState<AcceptInvitationState, FormData>(acceptInvitationAction, {});
  if (token === null) return <p>Loading your invitation…</p>;
  if (!token) return <p className="alert alert--error">This link has no invitation in it. Open the link from your invitation email again.</p>;

  const errors = state.fieldErrors ?? {};
  const described = (field: keyof typeof errors) => (errors[field] ? `${field}-error` : undefined);
  return (
    <form action={action} noValidate>
      <FormErrorAlert message={state.formError} />
      <input type="hidden" name="token" value={token} />
      <div className={errors.name ? "field field--error" : "field"}>
        <label htmlFor="name">Your name</label>
        {errors.name ? <p id="name-error" className="field-error">{errors.name}</p> : null}
        <input id="name" name="name" type="text" autoComplete="name" required aria-invalid={Boolean(errors.name)} aria-describedby={described("name")} />
      </div>
      <div className={errors.password ? "field field--error" : "field"}>
        <label htmlFor="password">Choose a password</label>
        <p id="password-hint" className="hint">At least 12 characters. A short sentence is easy to remember and hard to guess.</p>
        {errors.password ? <p id="password-error" className="field-error">{errors.password}</p> : null}
        <input id="password" name="password" type="password" autoComplete="new-password" required minLength={12} aria-invalid={Boolean(errors.password)} aria-describedby={["password-hint", described("password")].filter(Boolean).join(" ")} />
      </div>
      <div className={errors.confirmPassword ? "field field--error" : "field"}>
        <label htmlFor="confirmPassword">Type the password again</label>
        {errors.confirmPassword ? <p id="confirmPassword-error" className="field-error">{errors.confirmPassword}</p> : null}
        <input id="confirmPassword" name="confirmPassword" type="password" autoComplete="new-password" required aria-invalid={Boolean(errors.confirmPassword)} aria-describedby={described("confirmPassword")} />
      </div>
      <button className="button-primary" type="submit" disabled={pending}>
        {pending ? "Creating your account…" : "Create my account"}
      </button>
    </form>
  );
}
