import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { checkStaffAccess } from "@/lib/auth/require-staff";
import { SignInForm } from "@/app/staff/sign-in/SignInForm";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ expired?: string; idle?: string; signedOut?: string; passwordChanged?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const access = await checkStaffAccess({ touch: false });
  if (access.ok) redirect("/staff");
  const { expired, idle, signedOut, passwordChanged } = await searchParams;
  return (
    <main id="main" className="staff-narrow">
      <h1>Staff sign-in</h1>
      {idle ? <p className="alert" role="status">You were signed out after a period of inactivity, to protect the records.</p> : null}
      {expired ? <p className="alert" role="status">That sign-in took too long. Please start again.</p> : null}
      {signedOut ? <p className="alert" role="status">You are signed out.</p> : null}
      {passwordChanged ? <p className="alert" role="status">Your new password is saved. Sign in with it and your authenticator app.</p> : null}
      <SignInForm />
      <p className="note">Accounts are by invitation only. Lost your phone? Use a recovery code, or ask an administrator to reset your second factor.</p>
    </main>
  );
}
