import "server-only";
import { recordStaffAuditEvent } from "@/lib/auth/record-staff-audit-event";
import type { StaffContext } from "@/lib/auth/require-staff";
import { getDb } from "@/lib/db/client";
import { assertAdmin } from "@/lib/triage/access/assert-admin";

export async function revokeStaffInvitation(options: { admin: StaffContext; invitationId: string }): Promise<void> {
  await getDb().$transaction(async (tx) => {
    // The stored role, in this transaction: an admin demoted or disabled since
    // the session was read cannot act.
    await assertAdmin({ tx, userId: options.admin.user.id });
    const revoked = await tx.staffInvitation.updateMany({
      where: { id: options.invitationId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (revoked.count === 0) return;
    await recordStaffAuditEvent({
      tx,
      action: "staff.invitation.revoked",
      actorId: options.admin.user.id,
      request: options.admin.request,
      metadata: { invitationId: options.invitationId },
    });
  });
}
