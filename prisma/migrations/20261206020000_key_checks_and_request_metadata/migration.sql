-- Key lifecycle (issue 10): one row per key the stored data depends on.
-- "field": an encryption of a constant under that field-encryption key id;
-- "lookup": the keyed-hash key's fingerprint (keyId) and a keyed hash of a
-- constant. Never a key. "retiredAt" is set by `npm run keys:rotate` /
-- `npm run keys:rehash-lookups` once no stored value depends on the key.
CREATE TABLE "KeyCheck" (
    "kind" VARCHAR(16) NOT NULL,
    "keyId" VARCHAR(64) NOT NULL,
    "checkValue" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" TIMESTAMPTZ(3),

    CONSTRAINT "KeyCheck_pkey" PRIMARY KEY ("kind","keyId")
);

-- Request metadata of a public submission (address hash, User-Agent), kept
-- apart from the append-only audit row so it can be purged once abuse
-- control no longer needs it (lib/triage/jobs) and with the record.
CREATE TABLE "SubmissionTrace" (
    "inquiryId" UUID NOT NULL,
    "ipHash" VARCHAR(64),
    "userAgent" VARCHAR(256),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubmissionTrace_pkey" PRIMARY KEY ("inquiryId")
);

CREATE INDEX "SubmissionTrace_createdAt_idx" ON "SubmissionTrace"("createdAt");

ALTER TABLE "SubmissionTrace" ADD CONSTRAINT "SubmissionTrace_inquiryId_fkey" FOREIGN KEY ("inquiryId") REFERENCES "Inquiry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: an existing database already holds data under some key ids.
-- Record them (without a check value, which needs the key) so the first start
-- refuses if the configured keyring cannot open them; the start-up check
-- fills in the check value for the ids it holds.
INSERT INTO "KeyCheck" ("kind", "keyId")
SELECT DISTINCT 'field', split_part(v, '.', 2)
FROM (
    SELECT unnest(ARRAY["firstNameEnc", "phoneEnc", "emailEnc", "messageEnc", "referrerNameEnc", "referrerRelationshipEnc", "personAwareEnc"]) AS v FROM "Inquiry"
    UNION ALL
    SELECT "bodyEnc" FROM "InquiryNoteVersion"
) AS sealed
WHERE v LIKE 'v1.%.%';

-- Hand-written: public submissions' address hash and User-Agent leave the
-- audit trail. Recent ones move to "SubmissionTrace" (the daily job purges
-- them after the retention period), and the append-only rows are cleared of
-- them once, by the owner, with the guard lifted for this statement only.
INSERT INTO "SubmissionTrace" ("inquiryId", "ipHash", "userAgent", "createdAt")
SELECT DISTINCT ON (a."inquiryId") a."inquiryId", a."ipHash", a."userAgent", a."occurredAt"
FROM "AuditEvent" a JOIN "Inquiry" i ON i."id" = a."inquiryId"
WHERE a."actorType" = 'PUBLIC' AND a."action" = 'inquiry.created' AND i."anonymisedAt" IS NULL
  AND (a."ipHash" IS NOT NULL OR a."userAgent" IS NOT NULL) AND a."occurredAt" > now() - interval '1 day'
ORDER BY a."inquiryId", a."id";

ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only";
UPDATE "AuditEvent" SET "ipHash" = NULL, "userAgent" = NULL
WHERE "actorType" = 'PUBLIC' AND ("ipHash" IS NOT NULL OR "userAgent" IS NOT NULL);
ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only";

-- Free text an admin types for an inquiry (a legal hold's case reference),
-- encrypted and kept beside the record instead of in the append-only audit
-- row (which holds only a category and this row's id); goes with the record.
CREATE TABLE "AdminReasonNote" (
    "id" UUID NOT NULL,
    "inquiryId" UUID NOT NULL,
    "action" VARCHAR(64) NOT NULL,
    "textEnc" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdminReasonNote_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "AdminReasonNote_inquiryId_idx" ON "AdminReasonNote"("inquiryId");

ALTER TABLE "AdminReasonNote" ADD CONSTRAINT "AdminReasonNote_inquiryId_fkey" FOREIGN KEY ("inquiryId") REFERENCES "Inquiry"("id") ON DELETE CASCADE ON UPDATE CASCADE;
