import "server-only";
import { z } from "zod";
import { hashForLookup } from "@/lib/crypto/lookup-hash";
import { getDb, getPool } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { idempotencyKeyFor } from "@/lib/inquiries/idempotency-key";
import { storeInquiry } from "@/lib/inquiries/store-inquiry";
import { logger } from "@/lib/logging/logger";
import { checkFormToken } from "@/lib/security/form-token";
import { appSecret, lookupHashKey } from "@/lib/security/secrets";
import { InquirySchema } from "@/lib/validations/inquiry";

export type SubmissionEnvelope = { formToken: unknown; honeypot: unknown };
export type SubmissionRequest = { ip: string; userAgent: string | null; locale: string };

export type SubmitInquiryResult =
  | { ok: true; referenceCode: string; urgent: boolean }
  | { ok: false; kind: "invalid"; fieldErrors: Record<string, string[]>; formErrors: string[] }
  | { ok: false; kind: "rejected"; reason: "honeypot" | "malformed_token" | "too_fast" }
  | { ok: false; kind: "rate_limited"; retryAfterSeconds: number };

// The whole public submission path, shared by the form's server action and
// POST /api/v1/inquiries. Cheap checks first, and nothing is written until the
// answers are valid. Then one database round trip (storeInquiry) answers a
// retry of a stored submission before any rate limit, so a person whose
// connection dropped is never told to wait, and otherwise applies the limits
// and stores the inquiry. Unexpected failures (database down) are thrown to
// the caller, which shows the clinic's phone number.
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

  const ipHash = hashForLookup({ key: lookupHashKey(), kind: "ip", value: options.request.ip });
  const stored = await storeInquiry({
    pool: getPool(),
    db: getDb(),
    inquiry: parsed.data,
    idempotencyKey: idempotencyKeyFor({ secret: appSecret(), nonce: token.nonce, inquiry: parsed.data }),
    locale: options.request.locale,
    request: { ipHash, userAgent: options.request.userAgent },
    limits: {
      ip: { key: `submit:ip:${ipHash}`, max: env.RATE_LIMIT_IP_MAX, windowSeconds: env.RATE_LIMIT_IP_WINDOW_SECONDS },
      global: { key: "submit:global", max: env.RATE_LIMIT_GLOBAL_MAX, windowSeconds: env.RATE_LIMIT_GLOBAL_WINDOW_SECONDS },
    },
  });
  if (stored.kind === "rate_limited") return { ok: false, kind: "rate_limited", retryAfterSeconds: stored.retryAfterSeconds };
  if (stored.kind === "created") logger.info({ inquiryId: stored.id, urgent: parsed.data.inCrisis }, "inquiry accepted");
  return { ok: true, referenceCode: stored.referenceCode, urgent: parsed.data.inCrisis };
}
