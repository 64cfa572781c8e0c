import "server-only";
import type { Db } from "@/lib/db/client";

// Fixed-window counters in PostgreSQL, so every app instance shares them. One
// atomic upsert per check: it starts a new window when the old one has expired,
// otherwise adds a point, and returns the count and the window's end.

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export async function consumeRateLimit(options: {
  db: Db;
  key: string;
  max: number;
  windowSeconds: number;
}): Promise<RateLimitResult> {
  const rows = await options.db.$queryRaw<{ points: number; expiresAt: Date }[]>`
    INSERT INTO "RateLimitBucket" ("key", "points", "expiresAt")
    VALUES (${options.key}, 1, now() + make_interval(secs => ${options.windowSeconds}))
    ON CONFLICT ("key") DO UPDATE SET
      "points" = CASE WHEN "RateLimitBucket"."expiresAt" <= now() THEN 1 ELSE "RateLimitBucket"."points" + 1 END,
      "expiresAt" = CASE WHEN "RateLimitBucket"."expiresAt" <= now() THEN EXCLUDED."expiresAt" ELSE "RateLimitBucket"."expiresAt" END
    RETURNING "points", "expiresAt"`;
  const row = rows[0];
  if (!row || row.points <= options.max) return { allowed: true };
  return { allowed: false, retryAfterSeconds: retryAfterSeconds(row.expiresAt) };
}

// Whole seconds until a window ends, never 0: "Retry-After: 0" would invite
// an immediate retry that is refused again.
export function retryAfterSeconds(expiresAt: Date): number {
  return Math.max(1, Math.ceil((expiresAt.getTime() - Date.now()) / 1000));
}

// Expired buckets are dead weight; the outbox worker calls this now and then.
// Spent tokens and challenges go too once their proof has expired anyway (a
// minute's margin for clock skew between app servers): an expired form token
// or challenge is refused on its own, with no record needed.
export async function purgeExpiredRateLimits(options: { db: Db }): Promise<number> {
  const buckets = await options.db.$executeRaw`DELETE FROM "RateLimitBucket" WHERE "expiresAt" < now() - interval '1 minute'`;
  const spent = await options.db.$executeRaw`DELETE FROM "SpentToken" WHERE "expiresAt" < now() - interval '1 minute'`;
  return buckets + spent;
}
