import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// A token rendered into each form: "<issuedAtMs>.<nonce>.<mac>". The MAC makes it
// unforgeable, so it can carry (1) the render time for the minimum-fill-time
// check against bots and (2) a nonce that makes a double click or a retried
// POST of the same answers idempotent. It has no maximum age on purpose: a
// person may leave the form open overnight, and a replayed token gains an
// attacker nothing a fresh one would not.

export type FormTokenCheck =
  | { ok: true; nonce: string; issuedAt: number }
  | { ok: false; reason: "malformed" | "too_fast" };

const MAX_CLOCK_SKEW_MS = 60_000;

function mac(secret: Buffer, payload: string): string {
  return createHmac("sha256", secret).update(`form-token\u0000${payload}`).digest("base64url");
}

export function issueFormToken(options: { secret: Buffer; now?: number }): string {
  const payload = `${options.now ?? Date.now()}.${randomBytes(16).toString("base64url")}`;
  return `${payload}.${mac(options.secret, payload)}`;
}

export function checkFormToken(options: {
  secret: Buffer;
  token: unknown;
  minFillSeconds: number;
  now?: number;
}): FormTokenCheck {
  if (typeof options.token !== "string" || options.token.length > 200) return { ok: false, reason: "malformed" };
  const [issued, nonce, tag, ...rest] = options.token.split(".");
  if (!issued || !nonce || !tag || rest.length > 0 || !/^\d{1,15}$/.test(issued)) return { ok: false, reason: "malformed" };
  const expected = Buffer.from(mac(options.secret, `${issued}.${nonce}`));
  const given = Buffer.from(tag);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "malformed" };
  const issuedAt = Number(issued);
  const now = options.now ?? Date.now();
  if (issuedAt > now + MAX_CLOCK_SKEW_MS) return { ok: false, reason: "malformed" };
  if (now - issuedAt < options.minFillSeconds * 1000) return { ok: false, reason: "too_fast" };
  return { ok: true, nonce, issuedAt };
}
