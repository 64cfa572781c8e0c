import "server-only";
import { AppError } from "@/lib/actions/app-error";
import { newInvitationToken, INVITATION_LIFETIME_HOURS } from "@/lib/auth/invitations/invitation-token";
import { invitationEmail } from "@/lib/auth/invitations/invitation-email";
import { recordStaffAuditEvent } from "@/lib/auth/record-staff-audit-event";
import type { StaffRequest } from "@/lib/auth/staff-request";
import type { StaffRole } from "@/lib/auth/staff-roles";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { getMailTransport } from "@/lib/notifications/mail-transport";

export class InvitationRefusedError extends AppError {}

// An admin invites a colleague by email. Earlier open invitations for the
// same address stop working, so only the newest link is valid. The row and
// its audit event commit together before the mail goes out; if sending fails
// the admin is told and can simply invite again.
export async function createStaffInvitation(options: {
  email: string;
  role: StaffRole;
  invitedById: string;
  request: StaffRequest;
}): Promise<{ invitationId: string; emailSent: boolean }> {
  const email = options.email.trim().toLowerCase();
  const db = getDb();
  const inviter = await db.staffUser.findUnique({ where: { id: options.invitedById }, select: { role: true, banned: true } });
  if (inviter?.role !== "admin" || inviter.banned) throw new InvitationRefusedError("Only administrators can invite.");
  // A disabled account can be invited again: accepting brings it back with
  // a new password and no second factor (it enrols like a new colleague).
  const existing = await db.staffUser.findUnique({ where: { email }, select: { banned: true } });
  if (existing && !existing.banned) throw new InvitationRefusedError("This address already has an active staff account.");
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = new Date(Date.now() + INVITATION_LIFETIME_HOURS * 3_600_000);
  const invitation = await db.$transaction(async (tx) => {
    await tx.staffInvitation.updateMany({
      where: { email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const created = await tx.staffInvitation.create({
      data: { email, role: options.role, tokenHash, invitedById: options.invitedById, expiresAt },
      select: { id: true },
    });
    await recordStaffAuditEvent({
      tx,
      action: "staff.invitation.sent",
      actorId: options.invitedById,
      request: options.request,
      metadata: { invitationId: created.id, role: options.role },
    });
    return created;
  });

  const env = getEnv();
  const message = invitationEmail({ publicUrl: env.PUBLIC_URL, token, role: options.role, expiresAt });
  try {
    await getMailTransport().sendMail({ from: env.MAIL_FROM, to: email, subject: message.subject, text: message.text });
    return { invitationId: invitation.id, emailSent: true };
  } catch {
    return { invitationId: invitation.id, emailSent: false };
  }
}
