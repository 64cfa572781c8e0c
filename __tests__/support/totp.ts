import { createHmac } from "node:crypto";

// RFC 6238 TOTP (SHA-1, 6 digits, 30 s), as authenticator apps compute it, so
// tests sign in the way a person with a phone would.
const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function base32Decode(text: string): Buffer {
  let bits = "";
  for (const char of text.replace(/=+$/, "").toUpperCase()) {
    const value = BASE32.indexOf(char);
    if (value < 0) throw new Error(`not base32: ${char}`);
    bits += value.toString(2).padStart(5, "0");
  }
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

export function secretFromOtpauthUri(uri: string): string {
  const secret = new URL(uri).searchParams.get("secret");
  if (!secret) throw new Error("otpauth URI without a secret");
  return secret;
}

function codeForStep(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const digest = createHmac("sha1", base32Decode(secret)).update(counter).digest();
  const offset = (digest[digest.length - 1] ?? 0) & 0x0f;
  const value = (digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return value.toString().padStart(6, "0");
}

// The server accepts each 30-second step once (replay protection), and
// refuses steps older than the last one it accepted. Without `at`, a fresh
// code is handed out per secret: this step, then the next (already valid),
// and beyond that we wait for the clock, as a person waits for the app to
// show a new code. With `at`, the code for that moment, no bookkeeping.
const lastStepUsed = new Map<string, number>();
const PERIOD_MS = 30_000;

function sleepSync(ms: number): void {
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function totpCode(secret: string, at?: number): string {
  if (at !== undefined) return codeForStep(secret, Math.floor(at / PERIOD_MS));
  const current = Math.floor(Date.now() / PERIOD_MS);
  const step = Math.max(current, (lastStepUsed.get(secret) ?? -1) + 1);
  // Two steps ahead would be refused: wait until it is only one ahead.
  if (step > current + 1) sleepSync((step - 1) * PERIOD_MS - Date.now() + 50);
  lastStepUsed.set(secret, step);
  return codeForStep(secret, step);
}

// The code of this moment, recorded as used (for helpers that first make the
// server forget the last accepted step, as if minutes had passed).
export function currentTotpCodeMarkingUsed(secret: string): string {
  const current = Math.floor(Date.now() / PERIOD_MS);
  lastStepUsed.set(secret, Math.max(current, lastStepUsed.get(secret) ?? current));
  return codeForStep(secret, current);
}
