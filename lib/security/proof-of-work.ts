import "server-only";
import { createHmac } from "node:crypto";
import { createChallenge, extractParams, verifySolution } from "altcha-lib/v1";
import type { Challenge } from "altcha-lib/v1/types";
import { appSecret } from "@/lib/security/secrets";

// ALTCHA proof of work (altcha-lib's classic v1 scheme): the server signs a
// challenge "find n <= maxnumber with SHA-256(salt + n) = challenge", the
// browser searches for n, and the server checks the signature, the hash and
// the expiry carried in the salt. Stateless by design; the single use is
// enforced by recording the signature as spent in the statement that stores
// the inquiry. The HMAC key is derived from APP_SECRET with its own label, so
// no other use of that secret can produce a valid challenge signature.

export type { Challenge };

export type SolutionCheck = { ok: true; signature: string; expiresAt: Date } | { ok: false };

const MAX_PAYLOAD_LENGTH = 2048;

function challengeHmacKey(): string {
  return createHmac("sha256", appSecret()).update("altcha-challenge-v1").digest("hex");
}

export async function issueChallenge(options: { maxNumber: number; ttlSeconds: number; now?: number }): Promise<Challenge> {
  const expires = new Date((options.now ?? Date.now()) + options.ttlSeconds * 1000);
  return createChallenge({ hmacKey: challengeHmacKey(), maxnumber: options.maxNumber, expires, algorithm: "SHA-256" });
}

// The payload is what the widget posts: base64 of the JSON
// { algorithm, challenge, number, salt, signature }.
export async function checkChallengeSolution(payload: unknown): Promise<SolutionCheck> {
  if (typeof payload !== "string" || payload === "" || payload.length > MAX_PAYLOAD_LENGTH) return { ok: false };
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, "base64").toString("utf8"));
  } catch {
    return { ok: false };
  }
  if (!isPayloadShape(decoded)) return { ok: false };
  const verified = await verifySolution(decoded, challengeHmacKey(), true).catch(() => false);
  if (!verified) return { ok: false };
  const expires = Number(extractParams(decoded).expires);
  // A challenge we issued always carries its expiry; one without is not ours.
  if (!Number.isFinite(expires)) return { ok: false };
  return { ok: true, signature: decoded.signature, expiresAt: new Date(expires * 1000) };
}

function isPayloadShape(value: unknown): value is { algorithm: "SHA-256"; challenge: string; number: number; salt: string; signature: string } {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.algorithm === "SHA-256" &&
    typeof v.challenge === "string" &&
    typeof v.salt === "string" &&
    typeof v.number === "number" &&
    Number.isSafeInteger(v.number) &&
    typeof v.signature === "string" &&
    /^[0-9a-f]{64}$/.test(v.signature)
  );
}
