import "server-only";
import type { Pool } from "pg";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logging/logger";
import type { ClaimedNotification } from "@/lib/notifications/claim-due-notifications";
import { createLimiter } from "@/lib/notifications/limiter";
import type { SendAttempt } from "@/lib/notifications/send-attempt";
import { buildWebhookBody } from "@/lib/webhooks/build-webhook-body";
import { checkWebhookUrl } from "@/lib/webhooks/check-webhook-url";
import { loadWebhookEndpoint } from "@/lib/webhooks/load-webhook-endpoint";
import { postWebhook } from "@/lib/webhooks/post-webhook";
import { recordWebhookAttempt } from "@/lib/webhooks/record-webhook-attempt";
import { signWebhook } from "@/lib/webhooks/sign-webhook";
import { isWebhookEvent } from "@/lib/webhooks/webhook-events";
import type { WebhookFacts } from "@/lib/webhooks/webhook-payload";

// Webhook requests have their own slots, apart from the SMTP connections, so
// a slow receiver never holds up email.
const webhookSlot = createLimiter(4);

// Delivers one WEBHOOK row of the outbox. The webhook-id is the outbox row's
// id, the same on every retry, so a receiver that got a message whose
// bookkeeping was then lost can recognise the repeat; the timestamp is the
// attempt's own, so a retry hours later still passes the receiver's replay
// window.
export async function sendWebhookNotification(options: { pool: Pool; notification: ClaimedNotification; sendBy: number }): Promise<SendAttempt> {
  const { notification } = options;
  const endpointId = notification.webhookEndpointId;
  const event = notification.event ?? "";
  if (!endpointId || !isWebhookEvent(event)) return { kind: "failed", lastError: "malformed webhook row" };
  const endpoint = await loadWebhookEndpoint({ pool: options.pool, id: endpointId });
  if (!endpoint) return { kind: "failed", lastError: "endpoint removed" };
  if (endpoint.paused) return { kind: "late" };
  const env = getEnv();
  const allowed = checkWebhookUrl(endpoint.url, { production: env.NODE_ENV === "production" });
  if (!allowed.ok) return { kind: "failed", lastError: "endpoint address not allowed" };
  const facts: WebhookFacts = {
    event,
    referenceCode: notification.referenceCode,
    urgent: notification.urgency === "URGENT",
    stage: typeof notification.eventData.stage === "string" ? notification.eventData.stage : notification.stage,
    previousStage: typeof notification.eventData.previousStage === "string" ? notification.eventData.previousStage : undefined,
    occurredAt: notification.createdAt,
    recordUrl: new URL(`/staff/inquiries/${notification.inquiryId}`, env.PUBLIC_URL).toString(),
  };
  const body = buildWebhookBody(endpoint.format, facts);
  const result = await webhookSlot(async () => {
    if (Date.now() > options.sendBy) return null;
    const headers = signWebhook({ id: notification.id, timestamp: new Date(), body, secrets: endpoint.secrets });
    return postWebhook({ url: allowed.url.toString(), body, headers });
  });
  if (!result) return { kind: "late" };
  try {
    await recordWebhookAttempt({
      pool: options.pool,
      endpointId,
      notificationId: notification.id,
      event,
      attempt: notification.attempts,
      result,
      pauseAfterFailures: env.WEBHOOK_PAUSE_AFTER_FAILURES,
      pauseAfterMinutes: env.WEBHOOK_PAUSE_AFTER_MINUTES,
    });
  } catch (err) {
    // The delivery log is for people; the outbox row's own bookkeeping is
    // what decides whether the message is sent again.
    logger.warn({ err, notificationId: notification.id }, "webhook delivery log not written");
  }
  return result.ok ? { kind: "sent" } : { kind: "failed", lastError: result.error ?? "failed" };
}
