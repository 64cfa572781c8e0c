import { createHash, createHmac } from "node:crypto";
import type { Keyring } from "@/lib/crypto/keyring-format";

// Better Auth uses one "secret" both to sign its cookies and to encrypt what
// it stores (TOTP seeds, recovery codes), so rotating APP_SECRET used to make
// every seed unreadable. Its versioned `secrets` keep the two apart:
//   version 0          the signing secret (from APP_SECRET): cookies, tokens,
//                      and whatever the library itself encrypts;
//   version per key id a secret derived from each field-encryption key, for
//                      stored secrets. lib/keys re-encrypts the seeds under the
//                      active field key right after enrolment and on every
//                      `npm run keys:rotate`, so they follow the field keyring
//                      and never depend on APP_SECRET.
// Signing always uses the first entry (version 0), so a cookie signed under an
// old APP_SECRET is refused.

export const SIGNING_VERSION = 0;

export type AuthSecret = { version: number; value: string };
export type AuthSecretConfig = { keys: Map<number, string>; currentVersion: number; legacySecret?: string };

export function storedSecretVersion(keyId: string): number {
  return 1 + (createHash("sha256").update(`better-auth ${keyId}`).digest().readUInt32BE(0) % 2_000_000_000);
}

export function betterAuthSecrets(options: { keyring: Keyring; signingSecret: string }): AuthSecret[] {
  const stored = [...options.keyring.byId.values()].map((key) => ({
    version: storedSecretVersion(key.id),
    value: createHmac("sha256", key.key).update("better-auth stored secrets v1").digest("base64"),
  }));
  if (new Set(stored.map((s) => s.version)).size !== stored.length) throw new Error("two field-encryption key ids map to one Better Auth secret version; rename one");
  return [{ version: SIGNING_VERSION, value: options.signingSecret }, ...stored];
}

// For encrypting as the library would, but under the active field key. The
// legacy secret opens seeds stored before this (bare hex under APP_SECRET).
export function storedSecretConfig(options: { keyring: Keyring; signingSecret: string }): AuthSecretConfig {
  const secrets = betterAuthSecrets(options);
  return {
    keys: new Map(secrets.map((s) => [s.version, s.value])),
    currentVersion: storedSecretVersion(options.keyring.active.id),
    legacySecret: options.signingSecret,
  };
}
