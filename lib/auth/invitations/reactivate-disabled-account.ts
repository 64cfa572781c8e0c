import "server-only";
import { getAuth } from "@/lib/auth/auth";
import type { StaffRole } from "@/lib/auth/staff-roles";
import { getDb } from "@/lib/db/client";

export class ReactivationRefusedError extends Error {}

// Accepting an invitation to the address of a disabled account brings that
// account back (its audit history stays attached to one id) as if new: the
// invitee's name, password and role, no second factor, no sessions, no open
// links. An active account is never taken over this way.
export async function reactivateDisabledAccount(options: {
  userId: string;
  banned: boolean;
  name: string;
  password: string;
  role: StaffRole;
}): Promise<string> {
  if (!options.banned) throw new ReactivationRefusedError("The account is active.");
  const context = await getAuth().$context;
  const hash = await context.password.hash(options.password);
  await getDb().$transaction(async (tx) => {
    const updated = await tx.staffUser.updateMany({
      where: { id: options.userId, banned: true },
      data: { banned: false, banReason: null, name: options.name, role: options.role, twoFactorEnabled: false, createdAt: new Date() },
    });
    if (updated.count !== 1) throw new ReactivationRefusedError("The account changed meanwhile.");
    await tx.staffTwoFactor.deleteMany({ where: { userId: options.userId } });
    await tx.staffSession.deleteMany({ where: { userId: options.userId } });
    await tx.staffAccessLink.updateMany({ where: { userId: options.userId, usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    const account = await tx.staffAccount.updateMany({ where: { userId: options.userId, providerId: "credential" }, data: { password: hash, updatedAt: new Date() } });
    if (account.count !== 1) throw new ReactivationRefusedError("The account has no password sign-in.");
  });
  return options.userId;
}
