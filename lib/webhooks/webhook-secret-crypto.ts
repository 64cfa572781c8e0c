import "server-only";
import { randomBytes } from "node:crypto";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";
import { getKeyring } from "@/lib/crypto/keyring";

// The encrypted columns of WebhookEndpoint and their AAD contexts. Each
// ciphertext is bound to its column and row, so a secret copied into another
// endpoint's row (or into the URL column) fails to decrypt.
export type WebhookSealedColumn = "url" | "secret" | "previousSecret";

export function webhookColumnContext(column: WebhookSealedColumn, endpointId: string): string {
  return `WebhookEndpoint.${column}:${endpointId}`;
}

export function sealWebhookValue(column: WebhookSealedColumn, endpointId: string, plaintext: string): string {
  return encryptField({ keyring: getKeyring(), plaintext, context: webhookColumnContext(column, endpointId) });
}

export function openWebhookValue(column: WebhookSealedColumn, endpointId: string, ciphertext: string): string {
  return decryptField({ keyring: getKeyring(), ciphertext, context: webhookColumnContext(column, endpointId) });
}

// A Standard Webhooks secret: "whsec_" and base64 of 32 random bytes (the
// specification asks for 24 to 64).
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}
