import type { Metadata } from "next";
import { PasswordResetForm } from "@/app/staff/password-reset/PasswordResetForm";

export const metadata: Metadata = { title: "Choose a new password" };

export default function PasswordResetPage() {
  return (
    <main id="main" className="staff-narrow">
      <h1>Choose a new password</h1>
      <p>An administrator asked you to choose a new password. You will still need your authenticator app to sign in.</p>
      <noscript>
        <p className="alert alert--error">This page needs JavaScript to read the link.</p>
      </noscript>
      <PasswordResetForm />
    </main>
  );
}
