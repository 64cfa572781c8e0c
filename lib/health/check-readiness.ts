import "server-only";
import { getPool } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { countPendingMigrations } from "@/lib/health/check-migrations-current";
import { readOutboxHealth, type OutboxHealth } from "@/lib/health/read-outbox-health";
import { logger } from "@/lib/logging/logger";

export type Readiness = {
  ready: boolean;
  database: "ok" | "unavailable";
  migrations: { status: "current" | "pending" | "unknown"; pending?: number };
  outbox: (OutboxHealth & { status: "ok" | "stuck"; maxOldestPendingSeconds: number; maxFailed: number }) | { status: "unknown" };
};

// Ready means: the database answers this process's runtime role, every
// migration this build ships is applied, and the outbox is moving (its oldest
// waiting email is younger than READY_OUTBOX_MAX_AGE_SECONDS and no more than
// READY_OUTBOX_MAX_FAILED have given up). Counts and ages only: nothing here
// names a person or an inquiry.
export async function checkReadiness(): Promise<Readiness> {
  const env = getEnv();
  const pool = getPool();
  try {
    const pending = await countPendingMigrations(pool);
    const outbox = await readOutboxHealth(pool);
    const stuck = outbox.oldestPendingSeconds > env.READY_OUTBOX_MAX_AGE_SECONDS || outbox.failed > env.READY_OUTBOX_MAX_FAILED;
    return {
      ready: pending === 0 && !stuck,
      database: "ok",
      migrations: { status: pending === 0 ? "current" : "pending", pending },
      outbox: {
        ...outbox,
        status: stuck ? "stuck" : "ok",
        maxOldestPendingSeconds: env.READY_OUTBOX_MAX_AGE_SECONDS,
        maxFailed: env.READY_OUTBOX_MAX_FAILED,
      },
    };
  } catch (err) {
    logger.warn({ err }, "readiness check: database unavailable");
    return { ready: false, database: "unavailable", migrations: { status: "unknown" }, outbox: { status: "unknown" } };
  }
}
