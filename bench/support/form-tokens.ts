import { createHmac, randomBytes } from "node:crypto";

/** Hands out tokens round-robin. */
export function tokenRotation(tokens: string[]): () => string {
  let next = 0;
  return () => {
    const token = tokens[next++ % tokens.length];
    if (token === undefined) throw new Error("no form tokens");
    return token;
  };
}

/**
 * A fresh token per submission: a token is spent by the submission it stores
 * (issue 14), so one cannot serve a whole phase. Minted here with the app's
 * secret, backdated past the minimum fill time, so that issuing them is not
 * part of what a phase measures (and not throttled as POST /api/v1/form-tokens
 * is). The format of lib/security/form-token.ts, written out because that
 * module is server-only and `npm run bench` runs without the react-server
 * condition.
 */
export function freshTokens(appSecret: string): () => string {
  const secret = Buffer.from(appSecret, "base64");
  return () => {
    const payload = `${Date.now() - 60_000}.${randomBytes(16).toString("base64url")}`;
    return `${payload}.${createHmac("sha256", secret).update(`form-token\u0000${payload}`).digest("base64url")}`;
  };
}
