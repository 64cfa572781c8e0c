import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { OUTBOX_CHANNEL } from "@/lib/notifications/outbox-channel";
import type { WebhookEvent } from "@/lib/webhooks/webhook-events";

// One outbox row per endpoint subscribed to `event`, written in the caller's
// transaction, so the webhook exists if and only if the change it reports
// committed. eventData holds stages only (see webhook-payload.ts); the
// reference code and urgency are read from the inquiry when it is sent.
// Paused endpoints get their rows too: they wait, and arrive on resume.
export async function enqueueWebhookEvent(options: {
  tx: Prisma.TransactionClient;
  inquiryId: string;
  event: WebhookEvent;
  eventData: { stage: string; previousStage?: string };
}): Promise<number> {
  const data = JSON.stringify(options.eventData);
  const queued = await options.tx.$executeRaw`
    INSERT INTO "Notification" ("kind", "inquiryId", "webhookEndpointId", "event", "eventData")
    SELECT 'WEBHOOK', ${options.inquiryId}::uuid, e."id", ${options.event}, ${data}::jsonb
    FROM "WebhookEndpoint" e WHERE ${options.event} = ANY(e."events")`;
  if (queued > 0) await options.tx.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, 'webhook')`;
  return queued;
}
