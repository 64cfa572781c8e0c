import "server-only";
import { createAccessLink } from "@/lib/auth/access-links/access-link";
import { sendAccessLink } from "@/lib/auth/access-links/send-access-link";
import { StaffAdminRefusedError } from "@/lib/auth/admin/staff-admin-refused-error";
import { recordStaffAuditEvent } from "@/lib/auth/record-staff-audit-event";
import type { StaffContext } from "@/lib/auth/require-staff";
import { getDb } from "@/lib/db/client";
import { assertAdmin } from "@/lib/triage/access/assert-admin";

// An admin forces a password change: a single-use link (24 hours) to the
// account's address, where the person chooses a new password. Nothing else
// changes until it is used; the second factor is still needed afterwards.
export async function sendPasswordResetLink(options: { admin: StaffContext; userId: string }): Promise<{ emailSent: boolean }> {
  const { email, link } = await getDb().$transaction(async (tx) => {
    // The stored role, in this transaction: an admin demoted or disabled since
    // the session was read cannot act.
    await assertAdmin({ tx, userId: options.admin.user.id });
    const subject = await tx.staffUser.findUnique({ where: { id: options.userId }, select: { email: true, banned: true } });
    if (!subject || subject.banned) throw new StaffAdminRefusedError("No such active staff account.");
    const created = await createAccessLink({ tx, userId: options.userId, purpose: "password-reset", createdById: options.admin.user.id });
    await recordStaffAuditEvent({
      tx,
      action: "staff.password.reset_link_sent",
      actorId: options.admin.user.id,
      request: options.admin.request,
      metadata: { subjectUserId: options.userId },
    });
    return { email: subject.email, link: created };
  });
  return { emailSent: await sendAccessLink({ to: email, purpose: "password-reset", token: link.token, expiresAt: link.expiresAt }) };
}
