import "server-only";
import { randomUUID } from "node:crypto";
import { getDb, getPool } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { assertAdmin } from "@/lib/triage/access/assert-admin";
import { recordAdminAuditEvent } from "@/lib/triage/access/record-admin-audit-event";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { buildWebhookBody } from "@/lib/webhooks/build-webhook-body";
import { checkWebhookUrl } from "@/lib/webhooks/check-webhook-url";
import { loadWebhookEndpoint } from "@/lib/webhooks/load-webhook-endpoint";
import { postWebhook, type WebhookPostResult } from "@/lib/webhooks/post-webhook";
import { recordWebhookAttempt } from "@/lib/webhooks/record-webhook-attempt";
import { signWebhook } from "@/lib/webhooks/sign-webhook";
import { WebhookRefusedError } from "@/lib/webhooks/webhook-errors";

// A made-up reference code in the real format, so a receiver's parser is
// exercised; it matches no inquiry.
export const TEST_REFERENCE_CODE = "TEST-0000";
// Never the reason an endpoint is paused: a test is the admin checking it.
const NEVER_PAUSE = 2_147_483_647;

// "Send test event": one signed request, now, outside the outbox (the admin
// waits for the answer), logged in the endpoint's delivery log and audited.
export async function sendTestWebhook(options: { admin: TriageActor; endpointId: string }): Promise<WebhookPostResult> {
  const env = getEnv();
  await getDb().$transaction((tx) => assertAdmin({ tx, userId: options.admin.user.id }));
  const endpoint = await loadWebhookEndpoint({ pool: getPool(), id: options.endpointId });
  if (!endpoint) throw new WebhookRefusedError("That endpoint no longer exists.");
  const allowed = checkWebhookUrl(endpoint.url, { production: env.NODE_ENV === "production" });
  if (!allowed.ok) throw new WebhookRefusedError(allowed.reason);
  const body = buildWebhookBody(endpoint.format, {
    event: "webhook.test",
    referenceCode: TEST_REFERENCE_CODE,
    urgent: false,
    stage: "NEW",
    occurredAt: new Date(),
    recordUrl: new URL("/staff/inquiries", env.PUBLIC_URL).toString(),
  });
  const headers = signWebhook({ id: `test_${randomUUID()}`, timestamp: new Date(), body, secrets: endpoint.secrets });
  const result = await postWebhook({ url: allowed.url.toString(), body, headers });
  await recordWebhookAttempt({ pool: getPool(), endpointId: endpoint.id, notificationId: null, event: "webhook.test", attempt: 1, result, pauseAfterFailures: NEVER_PAUSE, pauseAfterMinutes: 0 });
  await getDb().$transaction((tx) =>
    recordAdminAuditEvent({ tx, actor: options.admin, action: "webhook.tested", metadata: { endpointId: endpoint.id, ok: result.ok, statusCode: result.statusCode } }),
  );
  return result;
}
