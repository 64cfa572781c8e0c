import "server-only";
import { StaffAdminRefusedError } from "@/lib/auth/admin/staff-admin-refused-error";
import type { Prisma } from "@/lib/db/generated/client";

// "At least one active administrator", enforced inside the transaction that
// would remove one. A transaction-scoped advisory lock serialises every
// change to the set of admins (demotion, disabling), so two admins demoting
// each other at the same moment cannot both see "one other admin left": the
// second waits for the first to commit, then checks again, and finds that it
// is no longer an admin itself, or that no other admin would remain.
const ADMIN_SET_LOCK = 51_570_101;

export async function lockAdminSet(options: { tx: Prisma.TransactionClient; actorId: string }): Promise<void> {
  await options.tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMIN_SET_LOCK})`;
  const actor = await options.tx.staffUser.findUnique({ where: { id: options.actorId }, select: { role: true, banned: true } });
  if (actor?.role !== "admin" || actor.banned) throw new StaffAdminRefusedError("Only administrators can do that.");
}

// Call after lockAdminSet, before removing `losingUserId` from the admins.
export async function assertAnotherActiveAdmin(options: { tx: Prisma.TransactionClient; losingUserId: string }): Promise<void> {
  const remaining = await options.tx.staffUser.count({ where: { role: "admin", banned: false, id: { not: options.losingUserId } } });
  if (remaining < 1) throw new StaffAdminRefusedError("The clinic needs at least one active administrator.");
}
