import "server-only";
import { assertAnotherActiveAdmin, lockAdminSet } from "@/lib/auth/admin/keep-an-active-admin";
import { StaffAdminRefusedError } from "@/lib/auth/admin/staff-admin-refused-error";
import { recordStaffAuditEvent } from "@/lib/auth/record-staff-audit-event";
import type { StaffContext } from "@/lib/auth/require-staff";
import type { StaffRole } from "@/lib/auth/staff-roles";
import { getDb } from "@/lib/db/client";

export { StaffAdminRefusedError };

// Role changes take effect on the user's next request (roles are read from
// the database every time). An admin cannot demote themselves: the clinic
// would risk having no admin left; nor can two admins demote each other at
// once (lib/auth/admin/keep-an-active-admin.ts).
export async function changeStaffRole(options: { admin: StaffContext; userId: string; role: StaffRole }): Promise<void> {
  if (options.userId === options.admin.user.id) throw new StaffAdminRefusedError("You cannot change your own role.");
  // lockAdminSet reads the actor's stored role after taking the lock.
  await getDb().$transaction(async (tx) => {
    await lockAdminSet({ tx, actorId: options.admin.user.id });
    const before = await tx.staffUser.findUnique({ where: { id: options.userId }, select: { role: true } });
    if (!before) throw new StaffAdminRefusedError("No such staff account.");
    if (before.role === options.role) return;
    if (before.role === "admin") await assertAnotherActiveAdmin({ tx, losingUserId: options.userId });
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
