import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// A token rendered into each form: "<issuedAtMs>.<nonce>.<mac>". The MAC makes it
// unforgeable, so it can carry (1) the render time for the minimum-fill-time
// check against bots and (2) a nonce that makes a double click or a retried
// POST of the same answers idempotent. It is single use for a successful
// submission (its nonce is recorded as spent in the same statement that stores
// the inquiry, lib/inquiries/store-inquiry-statement.ts), so a script cannot
// pour a flood through one token; and it lives a day at most, long enough for
// a form left open overnight, short enough that the spent-nonce list stays
// small (a nonce is kept only until its token would have expired anyway).

export type FormTokenCheck =
  | { ok: true; nonce: string; issuedAt: number; expiresAt: Date }
  | { ok: false; reason: "malformed" | "too_fast" | "expired" };

const MAX_CLOCK_SKEW_MS = 60_000;
export const FORM_TOKEN_MAX_AGE_MS = 24 * 60 * 60 * 1000;

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
  if (now - issuedAt > FORM_TOKEN_MAX_AGE_MS) return { ok: false, reason: "expired" };
  if (now - issuedAt < options.minFillSeconds * 1000) return { ok: false, reason: "too_fast" };
  return { ok: true, nonce, issuedAt, expiresAt: new Date(issuedAt + FORM_TOKEN_MAX_AGE_MS) };
}
