import "server-only";
import { isAPIError } from "better-auth/api";
import { getAuth } from "@/lib/auth/auth";
import { isCommonPassword } from "@/lib/auth/common-passwords";
import { hashInvitationToken } from "@/lib/auth/invitations/invitation-token";
import { ReactivationRefusedError, reactivateDisabledAccount } from "@/lib/auth/invitations/reactivate-disabled-account";
import { recordStaffAuditEvent } from "@/lib/auth/record-staff-audit-event";
import type { StaffRequest } from "@/lib/auth/staff-request";
import { isStaffRole } from "@/lib/auth/staff-roles";
import { getDb } from "@/lib/db/client";
import { StaffNameSchema } from "@/lib/validations/staff-name";
import { StaffPasswordSchema } from "@/lib/validations/staff-password";

export type AcceptInvitationResult =
  | { ok: true; setCookies: string[] }
  | { ok: false; error: "invalid-invitation" | "invalid-name" | "weak-password" | "common-password" };

// The invitee sets a name and password. The invitation is claimed with one
// conditional UPDATE, so two simultaneous submissions cannot both succeed;
// if creating the account then fails, the claim is released. The new account
// is signed in without a second factor and can only reach enrolment.
export async function acceptStaffInvitation(options: {
  token: string;
  name: string;
  password: string;
  request: StaffRequest;
}): Promise<AcceptInvitationResult> {
  if (!StaffPasswordSchema.safeParse(options.password).success) return { ok: false, error: "weak-password" };
  const name = StaffNameSchema.safeParse(options.name);
  if (!name.success) return { ok: false, error: "invalid-name" };
  if (isCommonPassword(options.password)) return { ok: false, error: "common-password" };
  const db = getDb();
  const tokenHash = hashInvitationToken(options.token);
  const invitation = await db.staffInvitation.findUnique({ where: { tokenHash } });
  if (!invitation || !isStaffRole(invitation.role)) return { ok: false, error: "invalid-invitation" };
  // One conditional UPDATE claims it: used, revoked, expired, or sent by an
  // admin who has since been disabled or demoted, and it no longer works.
  const claimed = await db.$executeRaw`
    UPDATE "StaffInvitation" AS invitation SET "acceptedAt" = now()
    WHERE invitation."id" = ${invitation.id}::uuid AND invitation."acceptedAt" IS NULL AND invitation."revokedAt" IS NULL
      AND invitation."expiresAt" > now()
      AND EXISTS (SELECT 1 FROM "StaffUser" inviter WHERE inviter."id" = invitation."invitedById" AND inviter."role" = 'admin' AND NOT inviter."banned")`;
  if (claimed !== 1) return { ok: false, error: "invalid-invitation" };

  const auth = getAuth();
  let userId: string;
  try {
    const disabled = await db.staffUser.findUnique({ where: { email: invitation.email }, select: { id: true, banned: true } });
    userId = disabled
      ? await reactivateDisabledAccount({ userId: disabled.id, banned: disabled.banned, name: name.data, password: options.password, role: invitation.role })
      : (await auth.api.createUser({ body: { email: invitation.email, password: options.password, name: name.data, role: invitation.role } })).user.id;
  } catch (error) {
    await db.staffInvitation.update({ where: { id: invitation.id }, data: { acceptedAt: null } });
    if (isAPIError(error) || error instanceof ReactivationRefusedError) return { ok: false, error: "invalid-invitation" };
    throw error;
  }
  await recordStaffAuditEvent({
    action: "staff.invitation.accepted",
    actorId: userId,
    request: options.request,
    metadata: { invitationId: invitation.id, role: invitation.role, invitedById: invitation.invitedById },
  });
  const { headers } = await auth.api.signInEmail({
    body: { email: invitation.email, password: options.password },
    headers: options.request.headers,
    returnHeaders: true,
  });
  await recordStaffAuditEvent({
    action: "staff.sign_in.succeeded",
    actorId: userId,
    request: options.request,
    metadata: { secondFactor: "not-enrolled", via: "invitation" },
  });
  return { ok: true, setCookies: headers.getSetCookie() };
}
