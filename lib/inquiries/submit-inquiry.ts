import "server-only";
import { z } from "zod";
import { hashForLookup } from "@/lib/crypto/lookup-hash";
import { getDb, getPool } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { idempotencyKeyFor } from "@/lib/inquiries/idempotency-key";
import { isActiveReferralSource } from "@/lib/inquiries/referral-source-options";
import { storeInquiry, type LoadFigures } from "@/lib/inquiries/store-inquiry";
import { isPayerAccepted } from "@/lib/insurance/is-payer-accepted";
import { logger } from "@/lib/logging/logger";
import { countChallengeEvent, countRateLimitEvent, countRefusal, type RefusalReason } from "@/lib/security/abuse-metrics";
import { challengeCostFor } from "@/lib/security/challenge-cost";
import { checkFormToken } from "@/lib/security/form-token";
import { networkKeyFor } from "@/lib/security/network-key";
import { checkChallengeSolution, issueChallenge, type Challenge } from "@/lib/security/proof-of-work";
import { appSecret, lookupHashKey } from "@/lib/security/secrets";
import { InquirySchema } from "@/lib/validations/inquiry";

export type SubmissionEnvelope = { formToken: unknown; honeypot: unknown; challengeSolution?: unknown };
export type SubmissionRequest = { ip: string; userAgent: string | null; locale: string };

// "refused" carries no reason on purpose: callers answer every trap the same
// way, so a script learns nothing about which one it fell into. The reason is
// counted in metrics and logged here, without any address.
export type SubmitInquiryResult =
  | { ok: true; referenceCode: string; urgent: boolean }
  | { ok: false; kind: "invalid"; fieldErrors: Record<string, string[]>; formErrors: string[] }
  | { ok: false; kind: "refused" }
  | { ok: false; kind: "challenge"; challenge: Challenge };

// The whole public submission path, shared by the form's server action and
// POST /api/v1/inquiries. Cheap checks first, and nothing is written until the
// answers are valid. Then one database round trip (storeInquiry) answers a
// retry of a stored submission before any threshold, so a person whose
// connection dropped is never asked again, and otherwise counts the load and
// stores the inquiry, or asks for a proof of work when the network or the
// whole site is past its threshold. Nothing here ever answers "too many
// requests": a solved challenge is always accepted. Unexpected failures
// (database down) are thrown to the caller, which shows the clinic's phone.
export async function submitInquiry(options: {
  answers: unknown;
  envelope: SubmissionEnvelope;
  request: SubmissionRequest;
}): Promise<SubmitInquiryResult> {
  const env = getEnv();
  if (typeof options.envelope.honeypot === "string" && options.envelope.honeypot !== "") return refuse("honeypot");
  const token = checkFormToken({ secret: appSecret(), token: options.envelope.formToken, minFillSeconds: env.FORM_MIN_FILL_SECONDS });
  if (!token.ok) return refuse(token.reason === "too_fast" ? "too_fast" : token.reason === "expired" ? "expired_token" : "malformed_token");

  const parsed = InquirySchema.safeParse(options.answers);
  if (!parsed.success) {
    const { fieldErrors, formErrors } = z.flattenError(parsed.error);
    return { ok: false, kind: "invalid", fieldErrors: fieldErrors as Record<string, string[]>, formErrors };
  }
  if (!(await isPayerAccepted({ db: getDb(), payerCode: parsed.data.insurancePayer }))) {
    return { ok: false, kind: "invalid", fieldErrors: { insurancePayer: ["insurancePayer.unknown"] }, formErrors: [] };
  }
  // Admins add and retire sources, so the schema checks only the code's shape.
  if (parsed.data.heardAbout && !(await isActiveReferralSource(parsed.data.heardAbout))) {
    return { ok: false, kind: "invalid", fieldErrors: { heardAbout: ["heardAbout.invalid"] }, formErrors: [] };
  }

  const solved = await solvedChallengeFrom(options.envelope.challengeSolution);
  const ipHash = hashForLookup({ key: lookupHashKey(), kind: "ip", value: options.request.ip });
  const network = networkKeyFor(options.request.ip, { ipv4Prefix: env.RATE_LIMIT_IPV4_PREFIX, ipv6Prefix: env.RATE_LIMIT_IPV6_PREFIX });
  const networkHash = hashForLookup({ key: lookupHashKey(), kind: "ip", value: network });
  const stored = await storeInquiry({
    pool: getPool(),
    db: getDb(),
    inquiry: parsed.data,
    idempotencyKey: idempotencyKeyFor({ secret: appSecret(), nonce: token.nonce, inquiry: parsed.data }),
    locale: options.request.locale,
    request: { ipHash, userAgent: options.request.userAgent },
    limits: {
      ip: { key: `submit:net:${networkHash}`, max: env.RATE_LIMIT_IP_MAX, windowSeconds: env.RATE_LIMIT_IP_WINDOW_SECONDS },
      global: { key: "submit:global", max: env.RATE_LIMIT_GLOBAL_MAX, windowSeconds: env.RATE_LIMIT_GLOBAL_WINDOW_SECONDS },
    },
    formToken: { nonce: token.nonce, expiresAt: token.expiresAt },
    solvedChallenge: solved,
  });
  switch (stored.kind) {
    case "challenge_required":
      return { ok: false, kind: "challenge", challenge: await challengeFor(stored.load) };
    case "challenge_replayed":
      countChallengeEvent("replayed");
      return refuse("challenge_replayed");
    case "token_reused":
      return refuse("token_reused");
    case "created":
      if (solved) countChallengeEvent("solved");
      logger.info({ inquiryId: stored.id, urgent: parsed.data.inCrisis, underChallenge: stored.underChallenge }, "inquiry accepted");
      return { ok: true, referenceCode: stored.referenceCode, urgent: parsed.data.inCrisis };
    case "replayed":
      return { ok: true, referenceCode: stored.referenceCode, urgent: parsed.data.inCrisis };
  }
}

// Logged at debug only: a flood must not become a flood of log lines too;
// the counter keeps the totals.
function refuse(reason: RefusalReason): SubmitInquiryResult {
  countRefusal(reason);
  logger.debug({ reason }, "public submission refused");
  return { ok: false, kind: "refused" };
}

// A solution that does not verify (wrong hash, foreign or expired signature)
// counts as none: the person is simply asked again, with a fresh challenge.
async function solvedChallengeFrom(payload: unknown): Promise<{ signature: string; expiresAt: Date } | null> {
  if (payload === undefined || payload === null || payload === "") return null;
  const check = await checkChallengeSolution(payload);
  if (check.ok) return { signature: check.signature, expiresAt: check.expiresAt };
  countChallengeEvent("failed");
  return null;
}

async function challengeFor(load: LoadFigures): Promise<Challenge> {
  const env = getEnv();
  const networkOver = load.network.points !== null && load.network.points > load.network.threshold;
  countRateLimitEvent(networkOver ? "network" : "global");
  countChallengeEvent("issued");
  const maxNumber = challengeCostFor({ loads: [load.network, load.global], baseCost: env.CHALLENGE_BASE_COST, maxCost: env.CHALLENGE_MAX_COST });
  return issueChallenge({ maxNumber, ttlSeconds: env.CHALLENGE_TTL_SECONDS });
}
