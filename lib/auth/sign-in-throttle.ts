import "server-only";
import { createHmac } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { consumeRateLimit } from "@/lib/security/rate-limit";

// Brute-force protection for staff sign-in, in PostgreSQL so every instance
// shares it. Failed password or second-factor attempts count against the
// account and against the address they came from; past the limit, that
// account (or address) is locked for the rest of the window. A success clears
// the account's count. Better Auth's two-factor plugin adds its own
// per-account lockout for TOTP codes on top.
export const ACCOUNT_MAX_FAILURES = 5;
export const ADDRESS_MAX_FAILURES = 20;
export const LOCKOUT_WINDOW_SECONDS = 15 * 60;

function keys(options: { email: string | null; ipAddress: string }): { account: string | null; address: string } {
  const secret = Buffer.from(getEnv().APP_SECRET, "base64");
  const digest = (value: string) => createHmac("sha256", secret).update(value).digest("hex").slice(0, 48);
  return {
    account: options.email ? `staff-sign-in:account:${digest(`account\u0000${options.email.trim().toLowerCase()}`)}` : null,
    address: `staff-sign-in:address:${digest(`address\u0000${options.ipAddress}`)}`,
  };
}

export type ThrottleState = { locked: false } | { locked: true; retryAfterSeconds: number };

export async function checkSignInThrottle(options: { email: string | null; ipAddress: string }): Promise<ThrottleState> {
  const { account, address } = keys(options);
  const rows = await getDb().rateLimitBucket.findMany({
    where: { key: { in: account ? [account, address] : [address] }, expiresAt: { gt: new Date() } },
  });
  const locked = rows.filter((row) => row.points >= (row.key === address ? ADDRESS_MAX_FAILURES : ACCOUNT_MAX_FAILURES));
  if (locked.length === 0) return { locked: false };
  const until = Math.max(...locked.map((row) => row.expiresAt.getTime()));
  return { locked: true, retryAfterSeconds: Math.max(1, Math.ceil((until - Date.now()) / 1000)) };
}

export async function recordSignInFailure(options: { email: string | null; ipAddress: string }): Promise<void> {
  const { account, address } = keys(options);
  const db = getDb();
  for (const key of account ? [account, address] : [address]) {
    await consumeRateLimit({ db, key, max: Number.MAX_SAFE_INTEGER, windowSeconds: LOCKOUT_WINDOW_SECONDS });
  }
}

export async function clearAccountFailures(options: { email: string }): Promise<void> {
  const { account } = keys({ email: options.email, ipAddress: "" });
  if (account) await getDb().rateLimitBucket.deleteMany({ where: { key: account } });
}
