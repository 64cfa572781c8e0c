import { randomBytes, randomUUID } from "node:crypto";
import { encryptField } from "@/lib/crypto/field-encryption";
import { parseKeyring } from "@/lib/crypto/keyring-format";
import { webhookColumnContext } from "@/lib/webhooks/webhook-secret-crypto";
import type { AppSecrets } from "./app-environment";
import { withClient } from "./database-server";

/**
 * Registers a webhook endpoint straight in the scenario's database, encrypted
 * under the scenario's key exactly as the admin page stores it, and returns
 * its signing secret.
 */
export async function registerWebhookEndpoint(options: { databaseUrl: string; secrets: AppSecrets; url: string; events: string[] }): Promise<string> {
  const keyring = parseKeyring(options.secrets.FIELD_ENCRYPTION_KEY, "");
  const id = randomUUID();
  const secret = `whsec_${randomBytes(32).toString("base64")}`;
  const seal = (column: "url" | "secret", plaintext: string) => encryptField({ keyring, plaintext, context: webhookColumnContext(column, id) });
  await withClient(options.databaseUrl, (client) =>
    client.query(
      `INSERT INTO "WebhookEndpoint" ("id", "name", "urlEnc", "urlOrigin", "format", "events", "secretEnc")
       VALUES ($1, 'Resilience receiver', $2, $3, 'STANDARD', $4, $5)`,
      [id, seal("url", options.url), new URL(options.url).origin, options.events, seal("secret", secret)],
    ),
  );
  return secret;
}
