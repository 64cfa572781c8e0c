import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { assertAdmin } from "@/lib/triage/access/assert-admin";
import { recordAdminAuditEvent } from "@/lib/triage/access/record-admin-audit-event";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import type { WebhookEndpointInput } from "@/lib/validations/webhook-endpoint";
import { checkWebhookUrl } from "@/lib/webhooks/check-webhook-url";
import { WebhookRefusedError } from "@/lib/webhooks/webhook-errors";
import { generateWebhookSecret, sealWebhookValue } from "@/lib/webhooks/webhook-secret-crypto";

// Registers a receiver. The signing secret is generated here and returned
// once, for the admin to copy; only its ciphertext is kept. The URL is
// encrypted too (a Slack or Teams URL is itself a credential); the admin
// pages show its origin.
export async function createWebhookEndpoint(options: { admin: TriageActor; input: WebhookEndpointInput }): Promise<{ id: string; secret: string }> {
  const checked = checkWebhookUrl(options.input.url, { production: getEnv().NODE_ENV === "production" });
  if (!checked.ok) throw new WebhookRefusedError(checked.reason, "url");
  const id = randomUUID();
  const secret = generateWebhookSecret();
  await getDb().$transaction(async (tx) => {
    await assertAdmin({ tx, userId: options.admin.user.id });
    await tx.webhookEndpoint.create({
      data: {
        id,
        name: options.input.name,
        urlEnc: sealWebhookValue("url", id, checked.url.toString()),
        urlOrigin: checked.url.origin.slice(0, 300),
        format: options.input.format,
        events: options.input.events,
        secretEnc: sealWebhookValue("secret", id, secret),
      },
    });
    await recordAdminAuditEvent({
      tx,
      actor: options.admin,
      action: "webhook.created",
      metadata: { endpointId: id, origin: checked.url.origin, format: options.input.format, events: options.input.events },
    });
  });
  return { id, secret };
}
