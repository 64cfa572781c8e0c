"use client";

import { useActionState } from "react";
import { enrolAction, type EnrolState } from "@/app/staff/enrol/actions";

// Two steps: confirm the password, then scan the QR code (or type the key),
// keep the recovery codes and prove the app works with its first code.
export function EnrolFlow() {
  const [state, action, pending] = useActionState<EnrolState, FormData>(enrolAction, { step: "password" });

  if (state.step === "password") {
    return (
      <form action={action} noValidate>
        <input type="hidden" name="intent" value="start" />
        {state.formError ? <p className="alert alert--error" role="alert">{state.formError}</p> : null}
        <div className="field">
          <label htmlFor="password">Your password</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </div>
        <button className="button-primary" type="submit" disabled={pending}>
          {pending ? "Preparing…" : "Set up my authenticator app"}
        </button>
      </form>
    );
  }

  return (
    <form action={action} noValidate>
      <input type="hidden" name="intent" value="confirm" />
      <h2>1. Scan this code</h2>
      <p>Use an authenticator app (for example Google Authenticator, Microsoft Authenticator or 1Password).</p>
      <p className="qr">
        {/* A data: URL the server rendered from the otpauth link: nothing to fetch or optimise. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src={state.qrDataUrl} alt="QR code to add this account to your authenticator app" width={240} height={240} />
      </p>
      <p>
        Can&apos;t scan? Enter this key: <span className="secret">{state.secret}</span>
      </p>
      <h2>2. Keep your recovery codes</h2>
      <p>Each code works once, if you lose your phone. Store them somewhere safe now: they will not be shown again.</p>
      <ul className="codes">
        {state.recoveryCodes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <h2>3. Enter the code your app shows</h2>
      {state.formError ? <p className="alert alert--error" role="alert">{state.formError}</p> : null}
      <div className="field">
        <label htmlFor="code">6-digit code</label>
        <input id="code" name="code" type="text" inputMode="numeric" autoComplete="one-time-code" required />
      </div>
      <button className="button-primary" type="submit" disabled={pending}>
        {pending ? "Checking…" : "Finish set-up"}
      </button>
    </form>
  );
}
