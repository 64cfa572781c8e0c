import "server-only";
import { createAccessLink } from "@/lib/auth/access-links/access-link";
import { sendAccessLink } from "@/lib/auth/access-links/send-access-link";
import { StaffAdminRefusedError } from "@/lib/auth/admin/change-staff-role";
import { assertAnotherActiveAdmin, lockAdminSet } from "@/lib/auth/admin/keep-an-active-admin";
import { recordStaffAuditEvent } from "@/lib/auth/record-staff-audit-event";
import type { StaffContext } from "@/lib/auth/require-staff";
import { getDb } from "@/lib/db/client";

// Disabling an account deletes its sessions in the same transaction, so it is
// signed out everywhere at once (sessions are read from the database on every
// request; nothing is cached in cookies). Better Auth's admin plugin refuses
// new sign-ins while `banned` is set. The last active admin cannot be
// disabled. Enabling an account that never connected a second factor mails
// it a fresh set-up link: the password alone would not let it in.
export async function setStaffDisabled(options: { admin: StaffContext; userId: string; disabled: boolean }): Promise<{ setUpLinkSent?: boolean }> {
  if (options.userId === options.admin.user.id) throw new StaffAdminRefusedError("You cannot disable your own account.");
  // lockAdminSet reads the actor's stored role after taking the lock.
  const outcome = await getDb().$transaction(async (tx) => {
    await lockAdminSet({ tx, actorId: options.admin.user.id });
    if (options.disabled) await assertAnotherActiveAdmin({ tx, losingUserId: options.userId });
    const subject = await tx.staffUser.findUnique({ where: { id: options.userId }, select: { email: true, twoFactorEnabled: true } });
    if (!subject) throw new StaffAdminRefusedError("No such staff account.");
    await tx.staffUser.update({
      where: { id: options.userId },
      data: { banned: options.disabled, banReason: options.disabled ? "Disabled by an administrator" : null },
    });
    if (options.disabled) await tx.staffSession.deleteMany({ where: { userId: options.userId } });
    await recordStaffAuditEvent({
      tx,
      action: options.disabled ? "staff.user.disabled" : "staff.user.enabled",
      actorId: options.admin.user.id,
      request: options.admin.request,
      metadata: { subjectUserId: options.userId },
    });
    if (options.disabled || subject.twoFactorEnabled) return null;
    const link = await createAccessLink({ tx, userId: options.userId, purpose: "enrol", createdById: options.admin.user.id });
    await recordStaffAuditEvent({ tx, action: "staff.mfa.enrolment_link_created", actorId: options.admin.user.id, request: options.admin.request, metadata: { subjectUserId: options.userId } });
    return { email: subject.email, link };
  });
  if (!outcome) return {};
  return { setUpLinkSent: await sendAccessLink({ to: outcome.email, purpose: "enrol", token: outcome.link.token, expiresAt: outcome.link.expiresAt }) };
}
