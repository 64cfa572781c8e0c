import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { assertActiveStaff } from "@/lib/triage/access/assert-active-staff";
import { StaffNotActiveError } from "@/lib/triage/access/triage-errors";

// The stored role, read in the command's own transaction: an admin demoted or
// disabled since the session check cannot export, delete or reconfigure.
export async function assertAdmin(options: { tx: Prisma.TransactionClient; userId: string }): Promise<void> {
  const { role } = await assertActiveStaff(options);
  if (role !== "admin") throw new StaffNotActiveError();
}
