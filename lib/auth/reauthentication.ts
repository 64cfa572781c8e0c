import "server-only";
import { AppError } from "@/lib/actions/app-error";
import { recordStaffAuditEvent } from "@/lib/auth/record-staff-audit-event";
import type { StaffContext } from "@/lib/auth/require-staff";
import { claimTotpStep } from "@/lib/auth/second-factor/totp-step";
import { refundSignInAttempt, reserveSignInAttempt } from "@/lib/auth/sign-in-throttle";
import { verifyStaffPassword } from "@/lib/auth/verify-staff-password";
import { getDb } from "@/lib/db/client";

// "Confirm it's you": before the riskiest actions (CSV export, deletion on
// request, second-factor resets) the signed-in person proves their password
// or a fresh second-factor code again. A session left open on a shared
// computer then is not enough to take data out or destroy it. The proof is
// kept on the session row for a few minutes.
export const REAUTHENTICATION_WINDOW_MINUTES = 5;

export class ReauthenticationRequiredError extends AppError {
  constructor() {
    super("Confirm it's you first.", { kind: "reauthenticate" });
  }
}

export type ConfirmIdentityResult = { ok: true } | { ok: false; error: "invalid" } | { ok: false; error: "locked"; retryAfterSeconds: number };

// Six digits are an authenticator code (claimed once, like at sign-in);
// anything else is the password. Counted against the same sign-in limits.
export async function confirmIdentity(options: { staff: StaffContext; secret: string }): Promise<ConfirmIdentityResult> {
  const { staff } = options;
  const secret = options.secret.trim();
  const method = /^\d{6}$/.test(secret.replace(/\s+/g, "")) ? "totp" : "password";
  const throttle = await reserveSignInAttempt({ email: staff.user.email, ipAddress: staff.request.ipAddress });
  if (throttle.locked) {
    await recordStaffAuditEvent({ action: "staff.sign_in.locked_out", actorId: staff.user.id, request: staff.request, metadata: { step: "confirm it's you" } });
    return { ok: false, error: "locked", retryAfterSeconds: throttle.retryAfterSeconds };
  }
  const right = method === "totp" ? await totpIsFresh(staff, secret.replace(/\s+/g, "")) : await verifyStaffPassword(staff.user.id, options.secret);
  if (!right) {
    await recordStaffAuditEvent({ action: "staff.reauthentication.failed", actorId: staff.user.id, request: staff.request, metadata: { method } });
    return { ok: false, error: "invalid" };
  }
  await refundSignInAttempt({ email: staff.user.email, ipAddress: staff.request.ipAddress });
  await getDb().$transaction(async (tx) => {
    await tx.staffSession.updateMany({ where: { id: staff.session.id }, data: { reauthenticatedAt: new Date() } });
    await recordStaffAuditEvent({ tx, action: "staff.reauthenticated", actorId: staff.user.id, request: staff.request, metadata: { method } });
  });
  return { ok: true };
}

async function totpIsFresh(staff: StaffContext, code: string): Promise<boolean> {
  const claim = await claimTotpStep({ userId: staff.user.id, code });
  if (claim === "replayed") {
    await recordStaffAuditEvent({ action: "staff.mfa.code_replay_refused", actorId: staff.user.id, request: staff.request, metadata: { step: "confirm it's you" } });
  }
  return claim === "fresh";
}

export async function hasRecentReauthentication(staff: StaffContext): Promise<boolean> {
  const session = await getDb().staffSession.findUnique({ where: { id: staff.session.id }, select: { reauthenticatedAt: true } });
  const at = session?.reauthenticatedAt?.getTime();
  return at !== undefined && Date.now() - at < REAUTHENTICATION_WINDOW_MINUTES * 60_000;
}

export async function requireRecentReauthentication(staff: StaffContext): Promise<void> {
  if (!(await hasRecentReauthentication(staff))) throw new ReauthenticationRequiredError();
}
