import { createHmac } from "node:crypto";

// Better Auth signs cookies and encrypts its secrets (TOTP seeds) with this.
// It is derived from APP_SECRET so deployments manage one secret, while the
// value differs from the one the form tokens are signed with.
export function deriveAuthSecret(appSecret: string): string {
  return createHmac("sha256", Buffer.from(appSecret, "base64")).update("better-auth/v1").digest("base64");
}
