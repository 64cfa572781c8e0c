import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { isStaffRole, type StaffRole } from "@/lib/auth/staff-roles";
import { StaffNotActiveError } from "@/lib/triage/access/triage-errors";

// Read inside the command's own transaction: an account disabled between the
// session check and the write cannot slip a change (or an audited read)
// through. The same test decides who may be assigned an inquiry. The role
// returned is the stored one, not the session's copy.
export async function assertActiveStaff(options: { tx: Prisma.TransactionClient; userId: string }): Promise<{ role: StaffRole }> {
  const user = await options.tx.staffUser.findUnique({
    where: { id: options.userId },
    select: { banned: true, role: true, twoFactorEnabled: true },
  });
  if (!user || user.banned || !user.twoFactorEnabled || !isStaffRole(user.role)) throw new StaffNotActiveError();
  return { role: user.role };
}
