"use client";

import { useActionState, useState } from "react";
import { verifySecondFactorAction, type SignInState } from "@/app/staff/sign-in/actions";
import { FormErrorAlert } from "@/components/ui/FormErrorAlert";

export function VerifyForm() {
  const [state, action, pending] = useActionState<SignInState, FormData>(verifySecondFactorAction, {});
  const [kind, setKind] = useState<"totp" | "recovery">("totp");
  return (
    <form action={action} noValidate>
      <FormErrorAlert message={state.formError} />
      <input type="hidden" name="kind" value={kind} />
      <div className="field">
        <label htmlFor="code">{kind === "totp" ? "6-digit code from your authenticator app" : "Recovery code"}</label>
        <input
          id="code"
          name="code"
          type="text"
          inputMode={kind === "totp" ? "numeric" : "text"}
          autoComplete="one-time-code"
          required
        />
      </div>
      <button className="button-primary" type="submit" disabled={pending}>
        {pending ? "Checking…" : "Sign in"}
      </button>
      <p>
        <button className="button-secondary" type="button" onClick={() => setKind(kind === "totp" ? "recovery" : "totp")}>
          {kind === "totp" ? "Use a recovery code instead" : "Use my authenticator app instead"}
        </button>
      </p>
    </form>
  );
}
