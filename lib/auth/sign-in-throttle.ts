import "server-only";
import { createHmac } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { consumeRateLimit } from "@/lib/security/rate-limit";

// Brute-force protection for staff sign-in, in PostgreSQL so every instance
// shares it. Every attempt is counted against the account and the address it
// came from BEFORE the password or code is checked (one atomic upsert per
// counter), and refunded when it turns out right. Counting first is what
// makes the limit hold under parallel guesses: fifty requests at once each
// take a ticket, and only the first five tickets reach the hash check.
// A complete sign-in clears the account's count. Better Auth's two-factor
// plugin adds its own per-account lockout for TOTP codes on top.
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

// Takes one attempt from the account's and the address's allowance. Locked
// when either is past its limit; a locked attempt is not refunded (it is
// still a try), so hammering a locked account keeps the address counting.
export async function reserveSignInAttempt(options: { email: string | null; ipAddress: string }): Promise<ThrottleState> {
  const { account, address } = keys(options);
  const db = getDb();
  const counters = [
    { key: address, max: ADDRESS_MAX_FAILURES },
    ...(account ? [{ key: account, max: ACCOUNT_MAX_FAILURES }] : []),
  ];
  let retryAfterSeconds = 0;
  for (const counter of counters) {
    const result = await consumeRateLimit({ db, key: counter.key, max: counter.max, windowSeconds: LOCKOUT_WINDOW_SECONDS });
    if (!result.allowed) retryAfterSeconds = Math.max(retryAfterSeconds, result.retryAfterSeconds);
  }
  return retryAfterSeconds > 0 ? { locked: true, retryAfterSeconds } : { locked: false };
}

// The attempt was right: give its ticket back on both counters.
export async function refundSignInAttempt(options: { email: string | null; ipAddress: string }): Promise<void> {
  const { account, address } = keys(options);
  const list = account ? [account, address] : [address];
  await getDb().$executeRaw`
    UPDATE "RateLimitBucket" SET "points" = GREATEST("points" - 1, 0)
    WHERE "key" = ANY(${list}::text[]) AND "expiresAt" > now()`;
}

export async function clearAccountFailures(options: { email: string }): Promise<void> {
  const { account } = keys({ email: options.email, ipAddress: "" });
  if (account) await getDb().rateLimitBucket.deleteMany({ where: { key: account } });
}
