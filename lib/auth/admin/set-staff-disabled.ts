import "server-only";
import { StaffAdminRefusedError } from "@/lib/auth/admin/change-staff-role";
import { assertAdmin } from "@/lib/auth/admin/assert-admin";
import { recordStaffAuditEvent } from "@/lib/auth/record-staff-audit-event";
import type { StaffContext } from "@/lib/auth/require-staff";
import { getDb } from "@/lib/db/client";

// Disabling an account deletes its sessions in the same transaction, so it is
// signed out everywhere at once (sessions are read from the database on every
// request; nothing is cached in cookies). Better Auth's admin plugin refuses
// new sign-ins while `banned` is set.
export async function setStaffDisabled(options: { admin: StaffContext; userId: string; disabled: boolean }): Promise<void> {
  assertAdmin(options.admin);
  if (options.userId === options.admin.user.id) throw new StaffAdminRefusedError("You cannot disable your own account.");
  await getDb().$transaction(async (tx) => {
    const updated = await tx.staffUser.updateMany({
      where: { id: options.userId },
      data: { banned: options.disabled, banReason: options.disabled ? "Disabled by an administrator" : null },
    });
    if (updated.count !== 1) throw new StaffAdminRefusedError("No such staff account.");
    if (options.disabled) await tx.staffSession.deleteMany({ where: { userId: options.userId } });
    await recordStaffAuditEvent({
      tx,
      action: options.disabled ? "staff.user.disabled" : "staff.user.enabled",
      actorId: options.admin.user.id,
      request: options.admin.request,
      metadata: { subjectUserId: options.userId },
    });
  });
}
