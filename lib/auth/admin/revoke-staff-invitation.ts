import "server-only";
import { assertAdmin } from "@/lib/auth/admin/assert-admin";
import { recordStaffAuditEvent } from "@/lib/auth/record-staff-audit-event";
import type { StaffContext } from "@/lib/auth/require-staff";
import { getDb } from "@/lib/db/client";

export async function revokeStaffInvitation(options: { admin: StaffContext; invitationId: string }): Promise<void> {
  assertAdmin(options.admin);
  await getDb().$transaction(async (tx) => {
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
