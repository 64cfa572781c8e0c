import "server-only";
import type { Pool } from "pg";

// Keys of the session-level advisory locks the triage jobs take; distinct from
// Prisma Migrate's (72707369), which lib/db/migrations takes.
export const ADVISORY_LOCKS = { retentionPurge: 51_570_001, escalation: 51_570_002, arrivals: 51_570_003 } as const;

// Runs `work` only if no other process (any app instance or worker) holds the
// lock; otherwise returns { ran: false } at once. The lock belongs to one
// pooled connection and ends with it, so a process that dies mid-run never
// leaves it held.
export async function withAdvisoryLock<T>(options: { pool: Pool; key: number; work: () => Promise<T> }): Promise<{ ran: true; value: T } | { ran: false }> {
  const client = await options.pool.connect();
  let broken = false;
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [options.key]);
    if (!rows[0]?.locked) return { ran: false };
    try {
      return { ran: true, value: await options.work() };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [options.key]).catch((error: unknown) => {
        broken = true;
        throw error;
      });
    }
  } finally {
    // A connection whose unlock failed may still hold the lock: destroy it
    // rather than hand it back to the pool.
    client.release(broken);
  }
}
