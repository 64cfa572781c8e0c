"use client";

import { useActionState } from "react";
import { signInAction, type SignInState } from "@/app/staff/sign-in/actions";
import { FormErrorAlert } from "@/components/ui/FormErrorAlert";

// Works without JavaScript too: the form posts to the server action.
export function SignInForm() {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});
  return (
    <form action={action} noValidate>
      <FormErrorAlert message={state.formError} />
      <div className="field">
        <label htmlFor="email">Email address</label>
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.email} />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <button className="button-primary" type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Continue"}
      </button>
    </form>
  );
}
