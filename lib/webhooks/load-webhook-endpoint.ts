import "server-only";
import type { Pool } from "pg";
import type { WebhookFormat } from "@/lib/db/generated/enums";
import { openWebhookValue } from "@/lib/webhooks/webhook-secret-crypto";

export type OpenedWebhookEndpoint = { id: string; url: string; format: WebhookFormat; secrets: string[]; paused: boolean };

type Row = {
  id: string;
  urlEnc: string;
  format: WebhookFormat;
  secretEnc: string;
  previousSecretEnc: string | null;
  previousSecretUntil: Date | null;
  pausedAt: Date | null;
};

// An endpoint with its URL and signing secrets decrypted, for one delivery.
// The previous secret is included only while its overlap lasts.
export async function loadWebhookEndpoint(options: { pool: Pool; id: string; now?: Date }): Promise<OpenedWebhookEndpoint | null> {
  const { rows } = await options.pool.query<Row>({
    name: "load-webhook-endpoint-v1",
    text: `SELECT "id"::text AS "id", "urlEnc", "format"::text AS "format", "secretEnc", "previousSecretEnc", "previousSecretUntil", "pausedAt"
           FROM "WebhookEndpoint" WHERE "id" = $1::uuid`,
    values: [options.id],
  });
  const row = rows[0];
  if (!row) return null;
  const now = options.now ?? new Date();
  const secrets = [openWebhookValue("secret", row.id, row.secretEnc)];
  if (row.previousSecretEnc && row.previousSecretUntil && row.previousSecretUntil > now) {
    secrets.push(openWebhookValue("previousSecret", row.id, row.previousSecretEnc));
  }
  return { id: row.id, url: openWebhookValue("url", row.id, row.urlEnc), format: row.format, secrets, paused: row.pausedAt !== null };
}
