import "server-only";
import { createAccessLink } from "@/lib/auth/access-links/access-link";
import { sendAccessLink } from "@/lib/auth/access-links/send-access-link";
import { StaffAdminRefusedError } from "@/lib/auth/admin/change-staff-role";
import { requireRecentReauthentication } from "@/lib/auth/reauthentication";
import { recordStaffAuditEvent } from "@/lib/auth/record-staff-audit-event";
import type { StaffContext } from "@/lib/auth/require-staff";
import { getDb } from "@/lib/db/client";
import { assertAdmin } from "@/lib/triage/access/assert-admin";

// For a colleague who lost their phone and recovery codes: the authenticator
// secret and recovery codes are deleted, the account is signed out, and a
// single-use set-up link (24 hours) is mailed to the account's address. The
// password alone opens nothing meanwhile: only the link plus the password
// leads to connecting a new authenticator.
export async function resetStaffSecondFactor(options: { admin: StaffContext; userId: string }): Promise<{ emailSent: boolean }> {
  if (options.userId === options.admin.user.id) throw new StaffAdminRefusedError("Ask another administrator to reset your own second factor.");
  await requireRecentReauthentication(options.admin);
  const { email, link } = await getDb().$transaction(async (tx) => {
    // The stored role, in this transaction: an admin demoted or disabled since
    // the session was read cannot act.
    await assertAdmin({ tx, userId: options.admin.user.id });
    const subject = await tx.staffUser.findUnique({ where: { id: options.userId }, select: { email: true, banned: true } });
    if (!subject) throw new StaffAdminRefusedError("No such staff account.");
    if (subject.banned) throw new StaffAdminRefusedError("Enable the account first.");
    await tx.staffUser.update({ where: { id: options.userId }, data: { twoFactorEnabled: false } });
    await tx.staffTwoFactor.deleteMany({ where: { userId: options.userId } });
    await tx.staffSession.deleteMany({ where: { userId: options.userId } });
    await recordStaffAuditEvent({
      tx,
      action: "staff.mfa.reset_by_admin",
      actorId: options.admin.user.id,
      request: options.admin.request,
      metadata: { subjectUserId: options.userId },
    });
    await recordStaffAuditEvent({ tx, action: "staff.mfa.enrolment_link_created", actorId: options.admin.user.id, request: options.admin.request, metadata: { subjectUserId: options.userId } });
    const created = await createAccessLink({ tx, userId: options.userId, purpose: "enrol", createdById: options.admin.user.id });
    return { email: subject.email, link: created };
  });
  return { emailSent: await sendAccessLink({ to: email, purpose: "enrol", token: link.token, expiresAt: link.expiresAt }) };
}
