-- CreateEnum
CREATE TYPE "RequesterType" AS ENUM ('SELF', 'LOVED_ONE', 'PROFESSIONAL');

-- CreateEnum
CREATE TYPE "InquiryStatus" AS ENUM ('NEW', 'CONTACT_ATTEMPTED', 'REACHED', 'SCREENING_SCHEDULED', 'ADMITTED', 'REFERRED_ELSEWHERE', 'NOT_A_FIT', 'UNREACHABLE', 'WITHDREW');

-- CreateEnum
CREATE TYPE "Urgency" AS ENUM ('ROUTINE', 'URGENT');

-- CreateEnum
CREATE TYPE "ContactMethod" AS ENUM ('PHONE', 'TEXT', 'EMAIL');

-- CreateEnum
CREATE TYPE "ConsentSubject" AS ENUM ('INTAKE_CONTACT', 'CALL', 'VOICEMAIL', 'TEXT', 'EMAIL', 'NAME_PROGRAMME');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('NEW_INQUIRY');

-- CreateEnum
CREATE TYPE "NotificationStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('PUBLIC', 'STAFF', 'SYSTEM');

-- CreateTable
CREATE TABLE "Inquiry" (
    "id" UUID NOT NULL,
    "referenceCode" VARCHAR(9) NOT NULL,
    "idempotencyKey" VARCHAR(64) NOT NULL,
    "status" "InquiryStatus" NOT NULL DEFAULT 'NEW',
    "urgency" "Urgency" NOT NULL DEFAULT 'ROUTINE',
    "requesterType" "RequesterType" NOT NULL,
    "locale" VARCHAR(8) NOT NULL,
    "preferredLanguage" VARCHAR(8) NOT NULL,
    "preferredContactMethod" "ContactMethod" NOT NULL,
    "bestTimes" VARCHAR(16)[],
    "heardAbout" VARCHAR(32),
    "firstNameEnc" TEXT NOT NULL,
    "phoneEnc" TEXT,
    "emailEnc" TEXT,
    "messageEnc" TEXT,
    "referrerNameEnc" TEXT,
    "referrerRelationshipEnc" TEXT,
    "personAwareEnc" TEXT,
    "phoneHash" VARCHAR(64),
    "emailHash" VARCHAR(64),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Inquiry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsentRecord" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "inquiryId" UUID NOT NULL,
    "subject" "ConsentSubject" NOT NULL,
    "granted" BOOLEAN NOT NULL,
    "consentTextVersion" VARCHAR(32) NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsentRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" "NotificationKind" NOT NULL,
    "inquiryId" UUID NOT NULL,
    "status" "NotificationStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseExpiresAt" TIMESTAMPTZ(3),
    "lastError" VARCHAR(500),
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorType" "ActorType" NOT NULL,
    "actorId" VARCHAR(64),
    "action" VARCHAR(64) NOT NULL,
    "inquiryId" UUID,
    "ipHash" VARCHAR(64),
    "userAgent" VARCHAR(256),
    "metadata" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" VARCHAR(128) NOT NULL,
    "points" INTEGER NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Inquiry_referenceCode_key" ON "Inquiry"("referenceCode");

-- CreateIndex
CREATE UNIQUE INDEX "Inquiry_idempotencyKey_key" ON "Inquiry"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Inquiry_phoneHash_idx" ON "Inquiry"("phoneHash");

-- CreateIndex
CREATE INDEX "Inquiry_emailHash_idx" ON "Inquiry"("emailHash");

-- CreateIndex
CREATE INDEX "Inquiry_status_urgency_createdAt_idx" ON "Inquiry"("status", "urgency", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "ConsentRecord_inquiryId_subject_recordedAt_idx" ON "ConsentRecord"("inquiryId", "subject", "recordedAt");

-- CreateIndex
CREATE INDEX "Notification_status_nextAttemptAt_idx" ON "Notification"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Notification_inquiryId_idx" ON "Notification"("inquiryId");

-- CreateIndex
CREATE INDEX "AuditEvent_inquiryId_occurredAt_idx" ON "AuditEvent"("inquiryId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_occurredAt_idx" ON "AuditEvent"("occurredAt");

-- CreateIndex
CREATE INDEX "RateLimitBucket_expiresAt_idx" ON "RateLimitBucket"("expiresAt");

-- AddForeignKey
ALTER TABLE "ConsentRecord" ADD CONSTRAINT "ConsentRecord_inquiryId_fkey" FOREIGN KEY ("inquiryId") REFERENCES "Inquiry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_inquiryId_fkey" FOREIGN KEY ("inquiryId") REFERENCES "Inquiry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (not generated from schema.prisma): the audit trail is append-only
-- (confidentiality rule 3). Any UPDATE or DELETE of an "AuditEvent" row raises,
-- whoever issues it, and so does TRUNCATE. "inquiryId" has no foreign key on
-- purpose: the trail outlives an inquiry purged under the retention policy.
CREATE FUNCTION "AuditEvent_reject_change"() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE EXCEPTION 'AuditEvent is append-only: % refused', TG_OP;
END;
$$;

CREATE TRIGGER "AuditEvent_append_only"
    BEFORE UPDATE OR DELETE ON "AuditEvent"
    FOR EACH ROW EXECUTE FUNCTION "AuditEvent_reject_change"();

CREATE TRIGGER "AuditEvent_no_truncate"
    BEFORE TRUNCATE ON "AuditEvent"
    FOR EACH STATEMENT EXECUTE FUNCTION "AuditEvent_reject_change"();
