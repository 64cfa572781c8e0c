import "server-only";
import type { Pool } from "pg";
import type { Db } from "@/lib/db/client";
import { consentRecordsFor } from "@/lib/inquiries/consent-records";
import { encryptCoverageAnswers, type SealedCoverageAnswers } from "@/lib/inquiries/encrypt-coverage-answers";
import { encryptInquiryFields } from "@/lib/inquiries/encrypt-inquiry-fields";
import { findInquiryByIdempotencyKey } from "@/lib/inquiries/find-inquiry-by-idempotency-key";
import { generateReferenceCode } from "@/lib/inquiries/reference-code";
import { inquiryAnswerColumns } from "@/lib/inquiries/inquiry-columns";
import { STORE_INQUIRY_SQL, storeInquiryValues, type StoreInquiryRow } from "@/lib/inquiries/store-inquiry-statement";
import { OUTBOX_CHANNEL } from "@/lib/notifications/outbox-channel";
import { CONSENT_TEXT_VERSION } from "@/lib/validations/inquiry-options";
import type { Inquiry } from "@/lib/validations/inquiry";

const MAX_CODE_ATTEMPTS = 5;
const REFERENCE_CODE_CONSTRAINT = "Inquiry_referenceCode_key";

export type RateLimitWindow = { key: string; max: number; windowSeconds: number };

export type LoadFigures = {
  network: { points: number | null; threshold: number };
  global: { points: number | null; threshold: number };
};

export type StoreInquiryOutcome =
  | { kind: "created"; id: string; referenceCode: string; underChallenge: boolean }
  | { kind: "replayed"; referenceCode: string }
  | { kind: "challenge_required"; load: LoadFigures }
  | { kind: "challenge_replayed" }
  | { kind: "token_reused" };

// Answers a validated submission from the database in one statement (see
// store-inquiry-statement.ts): the stored row for a retry, a request for a
// proof of work past a threshold, a refusal of a spent token or challenge, or
// a new inquiry with everything that must commit with it.
export async function storeInquiry(options: {
  pool: Pool;
  db: Db;
  inquiry: Inquiry;
  idempotencyKey: string;
  locale: string;
  request: { ipHash: string; userAgent: string | null };
  limits: { ip: RateLimitWindow; global: RateLimitWindow };
  // The form token's nonce, spent by a stored submission, kept until expiry.
  formToken: { nonce: string; expiresAt: Date };
  // A verified (signature, hash, expiry) solved challenge, if one was sent.
  solvedChallenge: { signature: string; expiresAt: Date } | null;
}): Promise<StoreInquiryOutcome> {
  const sealed = encryptInquiryFields(options.inquiry);
  const coverage = encryptCoverageAnswers(options.inquiry);
  for (let attempt = 1; ; attempt += 1) {
    let row: StoreInquiryRow | undefined;
    try {
      const result = await options.pool.query<StoreInquiryRow>({
        // Named: each pooled connection parses and plans it once.
        name: "store-inquiry-v3",
        text: STORE_INQUIRY_SQL,
        values: parameters(options, sealed, coverage, generateReferenceCode()),
      });
      row = result.rows[0];
    } catch (error) {
      // A random reference code collided: the statement rolled back whole
      // (rate-limit points included), so simply try again with another.
      if (isReferenceCodeCollision(error) && attempt < MAX_CODE_ATTEMPTS) continue;
      throw error;
    }
    if (!row) throw new Error("store-inquiry statement returned no row");
    return outcomeOf(row, sealed.id, options);
  }
}

async function outcomeOf(row: StoreInquiryRow, id: string, options: Parameters<typeof storeInquiry>[0]): Promise<StoreInquiryOutcome> {
  if (row.replayedCode !== null) return { kind: "replayed", referenceCode: row.replayedCode };
  if (row.createdCode !== null) return { kind: "created", id, referenceCode: row.createdCode, underChallenge: row.calm !== true };
  const gateOpened = row.calm === true || row.challengeSpent > 0;
  if (!gateOpened) {
    if (options.solvedChallenge !== null) return { kind: "challenge_replayed" };
    return {
      kind: "challenge_required",
      load: {
        network: { points: row.ipPoints, threshold: options.limits.ip.max },
        global: { points: row.globalPoints, threshold: options.limits.global.max },
      },
    };
  }
  // Allowed, yet not inserted: the token was spent already, by a concurrent
  // request with the same answers that committed first (ON CONFLICT waited
  // for it, after this statement's snapshot was taken; its row is visible to
  // a new statement), or by a stored submission of other answers.
  const twin = await findInquiryByIdempotencyKey({ db: options.db, idempotencyKey: options.idempotencyKey });
  if (!twin) return { kind: "token_reused" };
  return { kind: "replayed", referenceCode: twin.referenceCode };
}

function parameters(
  options: Parameters<typeof storeInquiry>[0],
  sealed: ReturnType<typeof encryptInquiryFields>,
  coverage: SealedCoverageAnswers,
  referenceCode: string,
): unknown[] {
  const { inquiry, limits } = options;
  const consents = consentRecordsFor(inquiry);
  return storeInquiryValues({
    idempotencyKey: options.idempotencyKey,
    ipKey: limits.ip.key,
    ipWindowSeconds: limits.ip.windowSeconds,
    ipMax: limits.ip.max,
    globalKey: limits.global.key,
    globalWindowSeconds: limits.global.windowSeconds,
    globalMax: limits.global.max,
    id: sealed.id,
    referenceCode,
    ...inquiryAnswerColumns(inquiry, sealed),
    locale: options.locale,
    consentSubjects: consents.map((c) => c.subject),
    consentGranted: consents.map((c) => c.granted),
    consentTextVersion: CONSENT_TEXT_VERSION,
    ipHash: options.request.ipHash,
    userAgent: options.request.userAgent?.slice(0, 256) ?? null,
    outboxChannel: OUTBOX_CHANNEL,
    challengeSignature: options.solvedChallenge?.signature ?? null,
    challengeExpiresAt: options.solvedChallenge?.expiresAt ?? null,
    formNonce: options.formToken.nonce,
    formExpiresAt: options.formToken.expiresAt,
    coverageId: coverage.id,
    coverageKind: coverage.kind,
    coveragePayerCode: coverage.payerCode,
    coveragePayerOtherEnc: coverage.payerOtherEnc,
    coverageMemberIdEnc: coverage.memberIdEnc,
    coveragePolicyHolder: coverage.policyHolder,
  });
}

// Duck-typed: pg's DatabaseError may come from another copy of the module.
function isReferenceCodeCollision(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return code === "23505" && constraint === REFERENCE_CODE_CONSTRAINT;
}
