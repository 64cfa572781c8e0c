"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { readStaffRequest } from "@/lib/auth/staff-request";
import { verifySecondFactor } from "@/lib/auth/verify-second-factor";

// `email` is sent back so the field keeps it after a failed attempt (React
// resets a form to its default values once its action finishes).
export type SignInState = { formError?: string; email?: string };

const PasswordStep = z.object({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(256) });

// Anonymous by design: these are the way in. Throttling, lockout and audit
// happen in the domain functions.
export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const parsed = PasswordStep.safeParse({ email: form.get("email"), password: form.get("password") });
  const email = typeof form.get("email") === "string" ? String(form.get("email")).slice(0, 254) : "";
  if (!parsed.success) return { formError: "Enter your email address and password.", email };
  const result = await signInWithPassword({ ...parsed.data, request: await readStaffRequest() });
  if (!result.ok) return { formError: lockoutOrGeneric(result), email };
  redirect("/staff/sign-in/verify");
}

const CodeStep = z.object({ code: z.string().trim().min(6).max(32), kind: z.enum(["totp", "recovery"]) });

export async function verifySecondFactorAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const parsed = CodeStep.safeParse({ code: form.get("code"), kind: form.get("kind") });
  if (!parsed.success) return { formError: "Enter the 6-digit code from your authenticator app, or a recovery code." };
  const result = await verifySecondFactor({ ...parsed.data, request: await readStaffRequest() });
  if (result.ok) redirect("/staff");
  if (result.error === "expired") redirect("/staff/sign-in?expired=1");
  return { formError: result.error === "locked" ? lockoutOrGeneric(result) : "That code did not work. Check the time on your phone and try the newest code." };
}

function lockoutOrGeneric(result: { error: string; retryAfterSeconds?: number }): string {
  if (result.error === "not-enrolled") {
    return "This account has no two-step sign-in set up, so it cannot sign in with a password alone. Ask an administrator to send you a set-up link.";
  }
  if (result.error === "locked") {
    const minutes = Math.max(1, Math.ceil((result.retryAfterSeconds ?? 900) / 60));
    return `Too many attempts. Sign-in is paused for about ${minutes} minute${minutes === 1 ? "" : "s"}. If this wasn't you, tell an administrator.`;
  }
  return "That email address and password do not match an active account.";
}
