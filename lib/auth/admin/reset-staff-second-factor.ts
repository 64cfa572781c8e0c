import "server-only";
import { StaffAdminRefusedError } from "@/lib/auth/admin/change-staff-role";
import { assertAdmin } from "@/lib/auth/admin/assert-admin";
import { recordStaffAuditEvent } from "@/lib/auth/record-staff-audit-event";
import type { StaffContext } from "@/lib/auth/require-staff";
import { getDb } from "@/lib/db/client";

// For a colleague who lost their phone and recovery codes: the authenticator
// secret and recovery codes are deleted and the account is signed out. At
// the next sign-in (password only) the account can reach nothing but the
// enrolment page, until it connects a new authenticator.
export async function resetStaffSecondFactor(options: { admin: StaffContext; userId: string }): Promise<void> {
  assertAdmin(options.admin);
  if (options.userId === options.admin.user.id) throw new StaffAdminRefusedError("Ask another administrator to reset your own second factor.");
  await getDb().$transaction(async (tx) => {
    const updated = await tx.staffUser.updateMany({ where: { id: options.userId }, data: { twoFactorEnabled: false } });
    if (updated.count !== 1) throw new StaffAdminRefusedError("No such staff account.");
    await tx.staffTwoFactor.deleteMany({ where: { userId: options.userId } });
    await tx.staffSession.deleteMany({ where: { userId: options.userId } });
    await recordStaffAuditEvent({
      tx,
      action: "staff.mfa.reset_by_admin",
      actorId: options.admin.user.id,
      request: options.admin.request,
      metadata: { subjectUserId: options.userId },
    });
  });
}
