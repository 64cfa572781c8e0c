import type { Metadata } from "next";
import { VerifyForm } from "@/app/staff/sign-in/verify/VerifyForm";

export const metadata: Metadata = { title: "Sign in" };

// Step two of sign-in. Reachable only with the short-lived signed cookie
// step one sets; without it the action answers "start again".
export default function VerifyPage() {
  return (
    <main id="main" className="staff-narrow">
      <h1>Enter your code</h1>
      <p>Open your authenticator app and enter the code shown for this clinic.</p>
      <VerifyForm />
    </main>
  );
}
