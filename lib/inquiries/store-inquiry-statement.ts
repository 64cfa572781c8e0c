import "server-only";

// The whole write side of a submission as ONE statement, so it is one round
// trip and one transaction (a statement is atomic on its own): the inquiry,
// its consent records, its outbox row, its audit event and the NOTIFY that
// wakes the workers commit together or not at all, and a submission that is
// not stored writes nothing but its rate-limit points (and a solved
// challenge's signature, which is spent either way).
//
// Order of decisions, expressed as data flow between the CTEs (each
// data-modifying CTE runs exactly once, and a CTE that reads another's
// RETURNING sees its result):
//   1. existing      a stored row with this idempotency key: answer it, touch
//                    no counter (a retry is never asked for anything).
//   2. ip_limit      otherwise add a point to this network's window...
//   3. global_limit  ...and, only if the network is within its threshold, to
//                    the global window (the same fixed-window upsert as
//                    lib/security/rate-limit.ts), so one network's flood does
//                    not make everyone else solve challenges.
//   4. calm          both within their thresholds: no proof of work needed.
//   5. spent_challenge  a verified challenge's signature (challengeSignature), recorded as
//                    spent; no row back means it was used before.
//   6. spent_form    the form token's nonce (formNonce), recorded as spent when the
//                    load is calm or the challenge was just spent: the
//                    thresholds never refuse a solved challenge. No row back
//                    means the token was used by another stored submission
//                    (or a concurrent twin; the caller tells them apart).
//   7. inserted      one per spent form token, marked submitted under
//                    challenge when it was not calm. ON CONFLICT on the
//                    idempotency key covers a concurrent twin that committed
//                    first (read back by the caller); a reference-code
//                    collision raises unique_violation and the caller draws
//                    another code.
//   8. coverage      the optional insurance answers (coverage…, issue 12) as
//                    the primary InquiryCoverage row, only when a kind was
//                    given (ciphertext already, like the inquiry's columns).
//   9. consents, notification (and one webhook row per subscribed endpoint),
//      audit, trace, woken: one set per inserted row. The address hash and
//      User-Agent go to "SubmissionTrace", not to the append-only audit row,
//      so they can be purged once abuse control no longer needs them
//      (REQUEST_METADATA_RETENTION_HOURS).
//
// The global bucket's row stays locked from step 3 until commit, which is
// why everything expensive (encryption, hashing, validation) happens before
// this statement and nothing follows it in the transaction.
//
// pg_notify is in a plain SELECT CTE, which PostgreSQL runs only when it is
// read: the final SELECT counts its rows for exactly that reason.
// The statement's parameters by name, in the order PostgreSQL numbers them
// ($1, $2, …): the SQL names each one through p(), and storeInquiryValues
// turns a named object (every name required) into the positional list, so
// adding a column never means counting dollar signs.
export const STORE_INQUIRY_PARAMETERS = [
  "idempotencyKey",
  "ipKey",
  "ipWindowSeconds",
  "ipMax",
  "globalKey",
  "globalWindowSeconds",
  "globalMax",
  "id",
  "referenceCode",
  "urgency",
  "requesterType",
  "locale",
  "preferredLanguage",
  "preferredContactMethod",
  "bestTimes",
  "heardAbout",
  "firstNameEnc",
  "phoneEnc",
  "emailEnc",
  "messageEnc",
  "referrerNameEnc",
  "referrerRelationshipEnc",
  "personAwareEnc",
  "phoneHash",
  "emailHash",
  "consentSubjects",
  "consentGranted",
  "consentTextVersion",
  "ipHash",
  "userAgent",
  "outboxChannel",
  "firstNameHash",
  "challengeSignature",
  "challengeExpiresAt",
  "formNonce",
  "formExpiresAt",
  "coverageId",
  "coverageKind",
  "coveragePayerCode",
  "coveragePayerOtherEnc",
  "coverageMemberIdEnc",
  "coveragePolicyHolder",
] as const;
export type StoreInquiryParameter = (typeof STORE_INQUIRY_PARAMETERS)[number];

const p = (name: StoreInquiryParameter): string => `$${STORE_INQUIRY_PARAMETERS.indexOf(name) + 1}`;

export function storeInquiryValues(named: Record<StoreInquiryParameter, unknown>): unknown[] {
  return STORE_INQUIRY_PARAMETERS.map((name) => named[name]);
}

export const STORE_INQUIRY_SQL = `
WITH existing AS (
  SELECT "referenceCode" FROM "Inquiry" WHERE "idempotencyKey" = ${p("idempotencyKey")}
), ip_limit AS (
  INSERT INTO "RateLimitBucket" AS b ("key", "points", "expiresAt")
  SELECT ${p("ipKey")}, 1, now() + make_interval(secs => ${p("ipWindowSeconds")}::float8)
  WHERE NOT EXISTS (SELECT 1 FROM existing)
  ON CONFLICT ("key") DO UPDATE SET
    "points" = CASE WHEN b."expiresAt" <= now() THEN 1 ELSE b."points" + 1 END,
    "expiresAt" = CASE WHEN b."expiresAt" <= now() THEN EXCLUDED."expiresAt" ELSE b."expiresAt" END
  RETURNING "points", "expiresAt"
), global_limit AS (
  INSERT INTO "RateLimitBucket" AS b ("key", "points", "expiresAt")
  SELECT ${p("globalKey")}, 1, now() + make_interval(secs => ${p("globalWindowSeconds")}::float8) FROM ip_limit WHERE ip_limit."points" <= ${p("ipMax")}::bigint
  ON CONFLICT ("key") DO UPDATE SET
    "points" = CASE WHEN b."expiresAt" <= now() THEN 1 ELSE b."points" + 1 END,
    "expiresAt" = CASE WHEN b."expiresAt" <= now() THEN EXCLUDED."expiresAt" ELSE b."expiresAt" END
  RETURNING "points", "expiresAt"
), calm AS (
  SELECT COALESCE((SELECT "points" FROM global_limit) <= ${p("globalMax")}::bigint, false) AS "calm"
), spent_challenge AS (
  INSERT INTO "SpentToken" ("key", "expiresAt")
  SELECT 'altcha:' || ${p("challengeSignature")}::text, ${p("challengeExpiresAt")}::timestamptz
  WHERE ${p("challengeSignature")}::text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM existing)
  ON CONFLICT ("key") DO NOTHING
  RETURNING "key"
), spent_form AS (
  INSERT INTO "SpentToken" ("key", "expiresAt")
  SELECT 'form:' || ${p("formNonce")}::text, ${p("formExpiresAt")}::timestamptz FROM calm
  WHERE NOT EXISTS (SELECT 1 FROM existing) AND (calm."calm" OR EXISTS (SELECT 1 FROM spent_challenge))
  ON CONFLICT ("key") DO NOTHING
  RETURNING "key"
), inserted AS (
  INSERT INTO "Inquiry" (
    "id", "referenceCode", "idempotencyKey", "urgency", "requesterType", "locale", "preferredLanguage",
    "preferredContactMethod", "bestTimes", "heardAbout", "firstNameEnc", "phoneEnc", "emailEnc", "messageEnc",
    "referrerNameEnc", "referrerRelationshipEnc", "personAwareEnc", "phoneHash", "emailHash", "firstNameHash",
    "submittedUnderChallenge")
  SELECT ${p("id")}::uuid, ${p("referenceCode")}, ${p("idempotencyKey")}, ${p("urgency")}::"Urgency", ${p("requesterType")}::"RequesterType", ${p("locale")}, ${p("preferredLanguage")},
    ${p("preferredContactMethod")}::"ContactMethod", ${p("bestTimes")}::varchar(16)[], ${p("heardAbout")}, ${p("firstNameEnc")}, ${p("phoneEnc")}, ${p("emailEnc")}, ${p("messageEnc")},
    ${p("referrerNameEnc")}, ${p("referrerRelationshipEnc")}, ${p("personAwareEnc")}, ${p("phoneHash")}, ${p("emailHash")}, ${p("firstNameHash")},
    NOT calm."calm"
  FROM spent_form CROSS JOIN calm
  ON CONFLICT ("idempotencyKey") DO NOTHING
  RETURNING "id", "referenceCode", "urgency"
), consents AS (
  INSERT INTO "ConsentRecord" ("inquiryId", "subject", "granted", "consentTextVersion")
  SELECT inserted."id", c."subject", c."granted", ${p("consentTextVersion")}
  FROM inserted CROSS JOIN unnest(${p("consentSubjects")}::"ConsentSubject"[], ${p("consentGranted")}::boolean[]) AS c("subject", "granted")
), coverage AS (
  INSERT INTO "InquiryCoverage" ("id", "inquiryId", "rank", "kind", "payerCode", "payerOtherEnc", "memberIdEnc", "policyHolder")
  SELECT ${p("coverageId")}::uuid, inserted."id", 'PRIMARY', ${p("coverageKind")}::"CoverageKind", ${p("coveragePayerCode")}, ${p("coveragePayerOtherEnc")}, ${p("coverageMemberIdEnc")}, ${p("coveragePolicyHolder")}::boolean
  FROM inserted WHERE ${p("coverageKind")}::text IS NOT NULL
), notification AS (
  INSERT INTO "Notification" ("kind", "inquiryId") SELECT 'NEW_INQUIRY', inserted."id" FROM inserted
), webhooks AS (
  -- Issue 13: one outbox row per subscribed webhook endpoint (event names as
  -- in lib/webhooks/webhook-events.ts).
  INSERT INTO "Notification" ("kind", "inquiryId", "webhookEndpointId", "event", "eventData")
  SELECT 'WEBHOOK', inserted."id", e."id", ev."name", '{"stage":"NEW"}'::jsonb
  FROM inserted
  CROSS JOIN (VALUES ('inquiry.received'), ('inquiry.urgent_received')) AS ev("name")
  JOIN "WebhookEndpoint" e ON ev."name" = ANY(e."events")
  WHERE ev."name" = 'inquiry.received' OR inserted."urgency" = 'URGENT'
), audit AS (
  INSERT INTO "AuditEvent" ("actorType", "action", "inquiryId", "metadata")
  SELECT 'PUBLIC', 'inquiry.created', inserted."id", jsonb_build_object('urgency', inserted."urgency")
  FROM inserted
), trace AS (
  INSERT INTO "SubmissionTrace" ("inquiryId", "ipHash", "userAgent") SELECT inserted."id", ${p("ipHash")}, ${p("userAgent")} FROM inserted
), woken AS (
  SELECT pg_notify(${p("outboxChannel")}, '') FROM inserted
)
SELECT
  (SELECT "referenceCode" FROM existing) AS "replayedCode",
  (SELECT "referenceCode" FROM inserted) AS "createdCode",
  (SELECT "points" FROM ip_limit) AS "ipPoints",
  (SELECT "expiresAt" FROM ip_limit) AS "ipExpiresAt",
  (SELECT "points" FROM global_limit) AS "globalPoints",
  (SELECT "expiresAt" FROM global_limit) AS "globalExpiresAt",
  (SELECT "calm" FROM calm) AS "calm",
  (SELECT count(*) FROM spent_challenge)::int AS "challengeSpent",
  (SELECT count(*) FROM spent_form)::int AS "formSpent",
  (SELECT count(*) FROM woken)::int AS "woken"`;

export type StoreInquiryRow = {
  replayedCode: string | null;
  createdCode: string | null;
  ipPoints: number | null;
  ipExpiresAt: Date | null;
  globalPoints: number | null;
  globalExpiresAt: Date | null;
  calm: boolean | null;
  challengeSpent: number;
  formSpent: number;
  woken: number;
};
