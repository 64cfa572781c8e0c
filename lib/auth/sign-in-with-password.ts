import "server-only";
import { isAPIError } from "better-auth/api";
import { getAuth } from "@/lib/auth/auth";
import { recordStaffAuditEvent } from "@/lib/auth/record-staff-audit-event";
import { refundSignInAttempt, reserveSignInAttempt } from "@/lib/auth/sign-in-throttle";
import type { StaffRequest } from "@/lib/auth/staff-request";
import { verifyStaffPassword } from "@/lib/auth/verify-staff-password";
import { getDb } from "@/lib/db/client";

export type PasswordSignInResult =
  | { ok: true; next: "second-factor"; setCookies: string[] }
  | { ok: false; error: "invalid" | "not-enrolled" }
  | { ok: false; error: "locked"; retryAfterSeconds: number };

// Step one of staff sign-in. Unknown address, wrong password and disabled
// account all answer "invalid", the same words and the same work (Better Auth
// hashes against a dummy when the account does not exist), so the form cannot
// be used to find out who works here.
export async function signInWithPassword(options: {
  email: string;
  password: string;
  request: StaffRequest;
}): Promise<PasswordSignInResult> {
  const email = options.email.trim().toLowerCase();
  const { request } = options;
  const subject = await getDb().staffUser.findUnique({ where: { email }, select: { id: true, twoFactorEnabled: true, banned: true } });
  const metadata = subject ? { subjectUserId: subject.id } : {};

  // Counted before the hash check, refunded below when the password is right.
  const throttle = await reserveSignInAttempt({ email, ipAddress: request.ipAddress });
  if (throttle.locked) {
    await recordStaffAuditEvent({ action: "staff.sign_in.locked_out", actorId: null, request, metadata });
    return { ok: false, error: "locked", retryAfterSeconds: throttle.retryAfterSeconds };
  }

  // No second factor enrolled: the password alone opens nothing. Checked
  // before the library is asked, so no session (nor cookie) is ever made;
  // "not enrolled" is told only to whoever knows the password. Set-up is
  // reached only through a single-use link (lib/auth/access-links).
  if (subject && !subject.twoFactorEnabled && !subject.banned) {
    if (await verifyStaffPassword(subject.id, options.password)) {
      await refundSignInAttempt({ email, ipAddress: request.ipAddress });
      await recordStaffAuditEvent({ action: "staff.sign_in.refused_not_enrolled", actorId: null, request, metadata });
      return { ok: false, error: "not-enrolled" };
    }
    await recordStaffAuditEvent({ action: "staff.sign_in.failed", actorId: null, request, metadata: { ...metadata, step: "password", status: 401 } });
    return { ok: false, error: "invalid" };
  }

  try {
    const { headers, response: result } = await getAuth().api.signInEmail({
      body: { email, password: options.password },
      headers: request.headers,
      returnHeaders: true,
    });
    // In a server action Better Auth's nextCookies plugin has already set
    // these; they are returned for callers outside Next.js (tests, scripts).
    const setCookies = headers.getSetCookie();
    await refundSignInAttempt({ email, ipAddress: request.ipAddress });
    if ("twoFactorRedirect" in result && result.twoFactorRedirect) return { ok: true, next: "second-factor", setCookies };
    // Enrolled between our read and the library's (or the reverse): never
    // leave a password-only session behind.
    if ("token" in result && typeof result.token === "string") await getDb().staffSession.deleteMany({ where: { token: result.token } });
    await recordStaffAuditEvent({ action: "staff.sign_in.refused_not_enrolled", actorId: null, request, metadata });
    return { ok: false, error: "not-enrolled" };
  } catch (error) {
    if (!isAPIError(error)) throw error;
    await recordStaffAuditEvent({
      action: "staff.sign_in.failed",
      actorId: null,
      request,
      metadata: { ...metadata, step: "password", status: error.statusCode },
    });
    return { ok: false, error: "invalid" };
  }
}
