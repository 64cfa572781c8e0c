import "server-only";
import { getPool } from "@/lib/db/client";
import { readOutboxHealth } from "@/lib/health/read-outbox-health";
import { gauge } from "@/lib/metrics/registry";

// The outbox as the database sees it (every worker's work, not this
// process's), read once per scrape.
const pending = gauge({ name: "iop_outbox_pending", help: "Notifications waiting to be sent (PENDING or SENDING)" });
const oldest = gauge({ name: "iop_outbox_oldest_pending_seconds", help: "Age of the oldest notification waiting to be sent" });
const failed = gauge({ name: "iop_outbox_failed", help: "Notifications that gave up and wait for an administrator's retry" });
const up = gauge({ name: "iop_database_up", help: "1 when the last scrape could read the database as the runtime role" });

export async function refreshOutboxGauges(): Promise<void> {
  try {
    const health = await readOutboxHealth(getPool());
    pending.set(health.pending);
    oldest.set(health.oldestPendingSeconds);
    failed.set(health.failed);
    up.set(1);
  } catch {
    up.set(0);
  }
}
