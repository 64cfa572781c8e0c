import "server-only";
import { getAuth } from "@/lib/auth/auth";
import { getDb } from "@/lib/db/client";

// Checks an account's password with the library's own hasher (scrypt), without
// signing anyone in: for "Confirm it's you" and for refusing a password-only
// sign-in before any session (or cookie) exists.
export async function verifyStaffPassword(userId: string, password: string): Promise<boolean> {
  const account = await getDb().staffAccount.findFirst({ where: { userId, providerId: "credential" }, select: { password: true } });
  if (!account?.password) return false;
  const context = await getAuth().$context;
  return context.password.verify({ hash: account.password, password });
}
