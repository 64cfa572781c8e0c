import "server-only";
import { createHmac } from "node:crypto";
import { z } from "zod";
import { hashForLookup } from "@/lib/crypto/lookup-hash";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { createInquiry, findInquiryByIdempotencyKey } from "@/lib/inquiries/create-inquiry";
import { logger } from "@/lib/logging/logger";
import { checkFormToken } from "@/lib/security/form-token";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { appSecret, lookupHashKey } from "@/lib/security/secrets";
import { InquirySchema, type Inquiry } from "@/lib/validations/inquiry";

export type SubmissionEnvelope = { formToken: unknown; honeypot: unknown };
export type SubmissionRequest = { ip: string; userAgent: string | null; locale: string };

export type SubmitInquiryResult =
  | { ok: true; referenceCode: string; urgent: boolean }
  | { ok: false; kind: "invalid"; fieldErrors: Record<string, string[]>; formErrors: string[] }
  | { ok: false; kind: "rejected"; reason: "honeypot" | "malformed_token" | "too_fast" }
  | { ok: false; kind: "rate_limited"; retryAfterSeconds: number };

// The whole public submission path, shared by the form's server action and
// POST /api/v1/inquiries. Cheap checks first, and nothing is written until the
// answers are valid. Retries of a stored submission are answered from the
// database before the rate limit, so a person whose connection dropped is never
// told to wait. Unexpected failures (database down) are thrown to the caller,
// which shows the clinic's phone number.
export async function submitInquiry(options: {
  answers: unknown;
  envelope: SubmissionEnvelope;
  request: SubmissionRequest;
}): Promise<SubmitInquiryResult> {
  const env = getEnv();
  if (typeof options.envelope.honeypot === "string" && options.envelope.honeypot !== "") {
    return { ok: false, kind: "rejected", reason: "honeypot" };
  }
  const token = checkFormToken({ secret: appSecret(), token: options.envelope.formToken, minFillSeconds: env.FORM_MIN_FILL_SECONDS });
  if (!token.ok) return { ok: false, kind: "rejected", reason: token.reason === "too_fast" ? "too_fast" : "malformed_token" };

  const parsed = InquirySchema.safeParse(options.answers);
  if (!parsed.success) {
    const { fieldErrors, formErrors } = z.flattenError(parsed.error);
    return { ok: false, kind: "invalid", fieldErrors: fieldErrors as Record<string, string[]>, formErrors };
  }

  const db = getDb();
  const idempotencyKey = idempotencyKeyFor(token.nonce, parsed.data);
  const replay = await findInquiryByIdempotencyKey({ db, idempotencyKey });
  if (replay) return { ok: true, referenceCode: replay.referenceCode, urgent: parsed.data.inCrisis };

  const ipHash = hashForLookup({ key: lookupHashKey(), kind: "ip", value: options.request.ip });
  for (const limit of [
    { key: `submit:ip:${ipHash}`, max: env.RATE_LIMIT_IP_MAX, windowSeconds: env.RATE_LIMIT_IP_WINDOW_SECONDS },
    { key: "submit:global", max: env.RATE_LIMIT_GLOBAL_MAX, windowSeconds: env.RATE_LIMIT_GLOBAL_WINDOW_SECONDS },
  ]) {
    const verdict = await consumeRateLimit({ db, ...limit });
    if (!verdict.allowed) return { ok: false, kind: "rate_limited", retryAfterSeconds: verdict.retryAfterSeconds };
  }

  const created = await createInquiry({
    db,
    inquiry: parsed.data,
    idempotencyKey,
    locale: options.request.locale,
    request: { ipHash, userAgent: options.request.userAgent },
  });
  if (created.created) logger.info({ inquiryId: created.id, urgent: parsed.data.inCrisis }, "inquiry accepted");
  return { ok: true, referenceCode: created.referenceCode, urgent: parsed.data.inCrisis };
}

// One inquiry per form render *and* set of answers: a double click or a retried
// POST maps to the stored row, while a person who goes back and corrects a
// typo gets their corrected inquiry stored rather than silently dropped.
function idempotencyKeyFor(nonce: string, inquiry: Inquiry): string {
  return createHmac("sha256", appSecret()).update(`idempotency\u0000${nonce}\u0000${JSON.stringify(inquiry)}`).digest("hex");
}
