import "server-only";
import type { Pool } from "pg";

export type OutboxHealth = {
  /** Notifications waiting to be sent (PENDING or SENDING). */
  pending: number;
  /** Seconds since the oldest waiting notification was created; 0 when none waits. */
  oldestPendingSeconds: number;
  /** Notifications that gave up after their last attempt and wait for an administrator's retry. */
  failed: number;
};

// One aggregate over the outbox: counts and an age only, nothing about whose
// inquiry a row belongs to. The (status, nextAttemptAt) index keeps it cheap.
const OUTBOX_HEALTH_SQL = `
SELECT count(*) FILTER (WHERE "status" IN ('PENDING', 'SENDING'))::int AS "pending",
       coalesce(extract(epoch FROM now() - min("createdAt") FILTER (WHERE "status" IN ('PENDING', 'SENDING'))), 0)::float8 AS "oldestPendingSeconds",
       count(*) FILTER (WHERE "status" = 'FAILED')::int AS "failed"
FROM "Notification" WHERE "status" IN ('PENDING', 'SENDING', 'FAILED')`;

export async function readOutboxHealth(pool: Pool): Promise<OutboxHealth> {
  const result = await pool.query<OutboxHealth>({ name: "read-outbox-health-v1", text: OUTBOX_HEALTH_SQL });
  const row = result.rows[0];
  return { pending: row?.pending ?? 0, oldestPendingSeconds: Math.round(row?.oldestPendingSeconds ?? 0), failed: row?.failed ?? 0 };
}
