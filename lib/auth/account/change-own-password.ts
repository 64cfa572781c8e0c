import "server-only";
import { isAPIError } from "better-auth/api";
import { getAuth } from "@/lib/auth/auth";
import { isCommonPassword } from "@/lib/auth/common-passwords";
import { recordStaffAuditEvent } from "@/lib/auth/record-staff-audit-event";
import type { StaffContext } from "@/lib/auth/require-staff";
import { claimTotpStep } from "@/lib/auth/second-factor/totp-step";
import { refundSignInAttempt, reserveSignInAttempt } from "@/lib/auth/sign-in-throttle";
import { getDb } from "@/lib/db/client";
import { StaffPasswordSchema } from "@/lib/validations/staff-password";

export type ChangePasswordResult =
  | { ok: true; setCookies: string[] }
  | { ok: false; error: "weak-password" | "common-password" | "wrong-password" | "invalid-code" | "locked" };

// A signed-in person changes their own password: the current password AND a
// fresh code from their authenticator (a session left open, or a password
// seen over a shoulder, is not enough on its own). Every other session of
// the account ends; this one stays (swapping it mid-request would send the
// page through sign-in again). Counted against the sign-in limits, audited
// without any secret.
export async function changeOwnPassword(options: {
  staff: StaffContext;
  currentPassword: string;
  newPassword: string;
  code: string;
}): Promise<ChangePasswordResult> {
  const { staff } = options;
  if (!StaffPasswordSchema.safeParse(options.newPassword).success) return { ok: false, error: "weak-password" };
  if (isCommonPassword(options.newPassword)) return { ok: false, error: "common-password" };
  const throttle = await reserveSignInAttempt({ email: staff.user.email, ipAddress: staff.request.ipAddress });
  if (throttle.locked) return { ok: false, error: "locked" };

  const claim = await claimTotpStep({ userId: staff.user.id, code: options.code.replace(/\s+/g, "") });
  if (claim !== "fresh") {
    if (claim === "replayed") {
      await recordStaffAuditEvent({ action: "staff.mfa.code_replay_refused", actorId: staff.user.id, request: staff.request, metadata: { step: "password change" } });
    }
    await recordStaffAuditEvent({ action: "staff.reauthentication.failed", actorId: staff.user.id, request: staff.request, metadata: { method: "totp", step: "password change" } });
    return { ok: false, error: "invalid-code" };
  }
  try {
    const { headers } = await getAuth().api.changePassword({
      body: { currentPassword: options.currentPassword, newPassword: options.newPassword, revokeOtherSessions: false },
      headers: staff.request.headers,
      returnHeaders: true,
    });
    await getDb().staffSession.deleteMany({ where: { userId: staff.user.id, id: { not: staff.session.id } } });
    await refundSignInAttempt({ email: staff.user.email, ipAddress: staff.request.ipAddress });
    await recordStaffAuditEvent({ action: "staff.password.changed", actorId: staff.user.id, request: staff.request, metadata: { otherSessionsEnded: true } });
    return { ok: true, setCookies: headers.getSetCookie() };
  } catch (error) {
    if (!isAPIError(error)) throw error;
    await recordStaffAuditEvent({ action: "staff.reauthentication.failed", actorId: staff.user.id, request: staff.request, metadata: { method: "password", step: "password change" } });
    return { ok: false, error: "wrong-password" };
  }
}
