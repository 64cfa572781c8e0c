import "server-only";
import { recordStaffAuditEvent } from "@/lib/auth/record-staff-audit-event";
import type { StaffContext } from "@/lib/auth/require-staff";
import type { StaffRole } from "@/lib/auth/staff-roles";
import { getDb } from "@/lib/db/client";

export class StaffAdminRefusedError extends Error {}

// Role changes take effect on the user's next request (roles are read from
// the database every time). An admin cannot demote themselves: the clinic
// would risk having no admin left.
export async function changeStaffRole(options: { admin: StaffContext; userId: string; role: StaffRole }): Promise<void> {
  if (options.admin.user.role !== "admin") throw new StaffAdminRefusedError("Only administrators can do that.");
  if (options.userId === options.admin.user.id) throw new StaffAdminRefusedError("You cannot change your own role.");
  await getDb().$transaction(async (tx) => {
    const before = await tx.staffUser.findUnique({ where: { id: options.userId }, select: { role: true } });
    if (!before) throw new StaffAdminRefusedError("No such staff account.");
    if (before.role === options.role) return;
    await tx.staffUser.update({ where: { id: options.userId }, data: { role: options.role } });
    await recordStaffAuditEvent({
      tx,
      action: "staff.role.changed",
      actorId: options.admin.user.id,
      request: options.admin.request,
      metadata: { subjectUserId: options.userId, from: before.role, to: options.role },
    });
  });
}
