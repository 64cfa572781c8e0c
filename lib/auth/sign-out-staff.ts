import "server-only";
import { getAuth } from "@/lib/auth/auth";
import { recordStaffAuditEvent } from "@/lib/auth/record-staff-audit-event";
import type { StaffContext } from "@/lib/auth/require-staff";
import { getDb } from "@/lib/db/client";

// "Sign out" ends this session; "everywhere" ends every session of the
// account, on every device, in one statement.
export async function signOutStaff(options: { staff: StaffContext; everywhere: boolean }): Promise<void> {
  const { staff } = options;
  if (options.everywhere) await getDb().staffSession.deleteMany({ where: { userId: staff.user.id } });
  await getAuth().api.signOut({ headers: staff.request.headers });
  await recordStaffAuditEvent({
    action: options.everywhere ? "staff.sign_out_everywhere" : "staff.sign_out",
    actorId: staff.user.id,
    request: staff.request,
  });
}
