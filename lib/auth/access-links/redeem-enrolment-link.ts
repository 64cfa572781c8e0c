import "server-only";
import { isAPIError } from "better-auth/api";
import { claimAccessLink } from "@/lib/auth/access-links/access-link";
import { getAuth } from "@/lib/auth/auth";
import { hashInvitationToken } from "@/lib/auth/invitations/invitation-token";
import { recordStaffAuditEvent } from "@/lib/auth/record-staff-audit-event";
import { refundSignInAttempt, reserveSignInAttempt } from "@/lib/auth/sign-in-throttle";
import type { StaffRequest } from "@/lib/auth/staff-request";
import { getDb } from "@/lib/db/client";

export type RedeemEnrolmentLinkResult =
  | { ok: true; setCookies: string[] }
  | { ok: false; error: "invalid-link" | "wrong-password" }
  | { ok: false; error: "locked"; retryAfterSeconds: number };

// The only way to a "needs second factor" session besides accepting an
// invitation: the set-up link plus the account's password. The link alone is
// not enough (a mailbox is not a person), nor the password alone (that was
// the hole: whoever knew it could connect their own authenticator).
export async function redeemEnrolmentLink(options: { token: string; password: string; request: StaffRequest }): Promise<RedeemEnrolmentLinkResult> {
  const { request } = options;
  const db = getDb();
  const link = await db.staffAccessLink.findUnique({
    where: { tokenHash: hashInvitationToken(options.token) },
    select: { purpose: true, usedAt: true, revokedAt: true, expiresAt: true, user: { select: { id: true, email: true, twoFactorEnabled: true } } },
  });
  if (!link || link.purpose !== "enrol" || link.usedAt || link.revokedAt || link.expiresAt <= new Date() || link.user.twoFactorEnabled) {
    return { ok: false, error: "invalid-link" };
  }
  const { email, id: userId } = link.user;
  const throttle = await reserveSignInAttempt({ email, ipAddress: request.ipAddress });
  if (throttle.locked) {
    await recordStaffAuditEvent({ action: "staff.sign_in.locked_out", actorId: null, request, metadata: { subjectUserId: userId, via: "enrolment link" } });
    return { ok: false, error: "locked", retryAfterSeconds: throttle.retryAfterSeconds };
  }

  let signedIn: { token: string | null; setCookies: string[]; twoFactor: boolean };
  try {
    const { headers, response } = await getAuth().api.signInEmail({ body: { email, password: options.password }, headers: request.headers, returnHeaders: true });
    const twoFactor = "twoFactorRedirect" in response && Boolean(response.twoFactorRedirect);
    signedIn = { token: "token" in response && typeof response.token === "string" ? response.token : null, setCookies: headers.getSetCookie(), twoFactor };
  } catch (error) {
    if (!isAPIError(error)) throw error;
    await recordStaffAuditEvent({ action: "staff.sign_in.failed", actorId: null, request, metadata: { subjectUserId: userId, step: "enrolment link" } });
    return { ok: false, error: "wrong-password" };
  }
  await refundSignInAttempt({ email, ipAddress: request.ipAddress });

  const claimed = signedIn.twoFactor
    ? null
    : await db.$transaction(async (tx) => {
        const claim = await claimAccessLink({ tx, token: options.token, purpose: "enrol" });
        if (!claim || claim.userId !== userId) return null;
        await recordStaffAuditEvent({ tx, action: "staff.mfa.enrolment_link_used", actorId: userId, request, metadata: { linkId: claim.id } });
        await recordStaffAuditEvent({ tx, action: "staff.sign_in.succeeded", actorId: userId, request, metadata: { secondFactor: "not-enrolled", via: "enrolment link" } });
        return claim;
      });
  if (!claimed) {
    // Used, replaced or withdrawn meanwhile (or the account enrolled): the
    // session the password step made must not outlive the refusal.
    if (signedIn.token) await db.staffSession.deleteMany({ where: { token: signedIn.token } });
    return { ok: false, error: "invalid-link" };
  }
  return { ok: true, setCookies: signedIn.setCookies };
}
