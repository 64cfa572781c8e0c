import "server-only";
import type { Pool } from "pg";
import type { WebhookPostResult } from "@/lib/webhooks/post-webhook";

// After `pauseAfterFailures` failed attempts in a row (across all of an
// endpoint's messages) that span at least `pauseAfterMinutes`, the endpoint is
// paused: its queue waits, untouched, until an admin resumes it, and the
// staff area tells admins. Both conditions, because a busy endpoint fails
// many messages at once in a short outage, and that alone must not pause it.

// One statement: the delivery-log row, the endpoint's failure streak, the
// pause when the streak reaches the threshold, and that pause's audit entry.
const PAUSES = `NOT $7 AND e."pausedAt" IS NULL AND e."consecutiveFailures" + 1 >= $9
  AND coalesce(e."failingSince", now()) <= now() - make_interval(mins => $10::int)`;

const RECORD_SQL = `
WITH logged AS (
  INSERT INTO "WebhookDelivery" ("endpointId", "notificationId", "event", "attempt", "statusCode", "latencyMs", "ok", "error")
  VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6, $7, $8)
), streak AS (
  UPDATE "WebhookEndpoint" e SET
    "consecutiveFailures" = CASE WHEN $7 THEN 0 ELSE e."consecutiveFailures" + 1 END,
    "failingSince" = CASE WHEN $7 THEN NULL ELSE coalesce(e."failingSince", now()) END,
    "pausedAt" = CASE WHEN ${PAUSES} THEN now() ELSE e."pausedAt" END,
    "pausedReason" = CASE WHEN ${PAUSES} THEN 'failures' ELSE e."pausedReason" END,
    "updatedAt" = now()
  FROM "WebhookEndpoint" before
  WHERE e."id" = $1::uuid AND before."id" = e."id"
  RETURNING e."id", before."pausedAt" IS NULL AND e."pausedAt" IS NOT NULL AS "justPaused", e."consecutiveFailures"
)
INSERT INTO "AuditEvent" ("actorType", "action", "metadata")
SELECT 'SYSTEM', 'webhook.paused', jsonb_build_object('endpointId', streak."id", 'consecutiveFailures', streak."consecutiveFailures")
FROM streak WHERE streak."justPaused"`;

export async function recordWebhookAttempt(options: {
  pool: Pool;
  endpointId: string;
  notificationId: string | null;
  event: string;
  attempt: number;
  result: WebhookPostResult;
  pauseAfterFailures: number;
  pauseAfterMinutes: number;
}): Promise<void> {
  const { result } = options;
  await options.pool.query({
    name: "record-webhook-attempt-v2",
    text: RECORD_SQL,
    values: [
      options.endpointId,
      options.notificationId,
      options.event,
      options.attempt,
      result.statusCode,
      result.latencyMs,
      result.ok,
      result.error?.slice(0, 200) ?? null,
      options.pauseAfterFailures,
      options.pauseAfterMinutes,
    ],
  });
}
