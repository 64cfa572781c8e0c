import { hashForLookup } from "@/lib/crypto/lookup-hash";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { problemResponse } from "@/lib/http/problem-response";
import { submissionRequestFrom } from "@/lib/inquiries/request-context";
import { countRateLimitEvent } from "@/lib/security/abuse-metrics";
import { issueFormToken } from "@/lib/security/form-token";
import { networkKeyFor } from "@/lib/security/network-key";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { appSecret, lookupHashKey } from "@/lib/security/secrets";

// API clients get the same kind of token a rendered form carries: it must be
// at least FORM_MIN_FILL_SECONDS old when used, lives a day, is spent by one
// stored submission, and makes retries idempotent. Minting is throttled per
// network, so a script cannot stockpile tokens for a flood.
export async function POST(request: Request): Promise<Response> {
  const env = getEnv();
  const { ip } = submissionRequestFrom(request.headers, "en");
  const network = networkKeyFor(ip, { ipv4Prefix: env.RATE_LIMIT_IPV4_PREFIX, ipv6Prefix: env.RATE_LIMIT_IPV6_PREFIX });
  const limit = await consumeRateLimit({
    db: getDb(),
    key: `mint:net:${hashForLookup({ key: lookupHashKey(), kind: "ip", value: network })}`,
    max: env.FORM_TOKEN_MINT_MAX,
    windowSeconds: env.FORM_TOKEN_MINT_WINDOW_SECONDS,
  });
  if (!limit.allowed) {
    countRateLimitEvent("mint");
    return problemResponse({
      status: 429,
      title: "Too many form tokens",
      detail: `Try again in ${limit.retryAfterSeconds} seconds.`,
      headers: { "Retry-After": String(limit.retryAfterSeconds) },
    });
  }
  return Response.json(
    { formToken: issueFormToken({ secret: appSecret() }), minFillSeconds: env.FORM_MIN_FILL_SECONDS },
    { status: 201, headers: { "Cache-Control": "no-store" } },
  );
}
