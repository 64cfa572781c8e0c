-- Issue 12: insurance answers (the public form's optional step and staff
-- entry), a configurable payer list, and the verification of benefits.
-- Identifying values are encrypted in the application ("...Enc" columns,
-- registered in lib/keys/sealed-columns.ts); nothing here is plaintext
-- personal data.

-- CreateEnum
CREATE TYPE "CoverageRank" AS ENUM ('PRIMARY', 'SECONDARY');

-- CreateEnum
CREATE TYPE "CoverageKind" AS ENUM ('PRIVATE', 'MEDICAID', 'MEDICARE', 'NONE', 'UNSURE');

-- CreateEnum
CREATE TYPE "VerificationStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'VERIFIED_ACTIVE', 'INACTIVE', 'NEEDS_AUTHORISATION', 'SELF_PAY');

-- CreateTable
CREATE TABLE "Payer" (
    "code" VARCHAR(40) NOT NULL,
    "label" VARCHAR(100) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Payer_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "InquiryCoverage" (
    "id" UUID NOT NULL,
    "inquiryId" UUID NOT NULL,
    "rank" "CoverageRank" NOT NULL,
    "kind" "CoverageKind" NOT NULL,
    "payerCode" VARCHAR(40),
    "payerOtherEnc" TEXT,
    "memberIdEnc" TEXT,
    "groupNumberEnc" TEXT,
    "subscriberNameEnc" TEXT,
    "subscriberDobEnc" TEXT,
    "policyHolder" BOOLEAN,
    "recordedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InquiryCoverage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InquiryVerification" (
    "id" UUID NOT NULL,
    "inquiryId" UUID NOT NULL,
    "status" "VerificationStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "verifiedById" TEXT,
    "verifiedAt" TIMESTAMPTZ(3),
    "referenceEnc" TEXT,
    "notesEnc" TEXT,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InquiryVerification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Payer_active_position_idx" ON "Payer"("active", "position");

-- CreateIndex
CREATE UNIQUE INDEX "InquiryCoverage_inquiryId_rank_key" ON "InquiryCoverage"("inquiryId", "rank");

-- CreateIndex
CREATE UNIQUE INDEX "InquiryVerification_inquiryId_key" ON "InquiryVerification"("inquiryId");

-- CreateIndex
CREATE INDEX "InquiryVerification_status_idx" ON "InquiryVerification"("status");

-- CreateIndex
CREATE INDEX "InquiryVerification_verifiedAt_idx" ON "InquiryVerification"("verifiedAt");

-- AddForeignKey
ALTER TABLE "InquiryCoverage" ADD CONSTRAINT "InquiryCoverage_inquiryId_fkey" FOREIGN KEY ("inquiryId") REFERENCES "Inquiry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InquiryCoverage" ADD CONSTRAINT "InquiryCoverage_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InquiryVerification" ADD CONSTRAINT "InquiryVerification_inquiryId_fkey" FOREIGN KEY ("inquiryId") REFERENCES "Inquiry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InquiryVerification" ADD CONSTRAINT "InquiryVerification_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InquiryVerification" ADD CONSTRAINT "InquiryVerification_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A sensible starting list of US payers; admins add, retire and reorder.
INSERT INTO "Payer" ("code", "label", "position") VALUES
  ('MEDICAID', 'Medicaid (state plan)', 1),
  ('MEDICARE', 'Medicare', 2),
  ('AETNA', 'Aetna', 3),
  ('BCBS', 'Blue Cross Blue Shield', 4),
  ('CIGNA', 'Cigna', 5),
  ('UNITEDHEALTHCARE', 'UnitedHealthcare', 6),
  ('HUMANA', 'Humana', 7),
  ('KAISER', 'Kaiser Permanente', 8),
  ('TRICARE', 'TRICARE', 9),
  ('ANTHEM', 'Anthem', 10),
  ('MOLINA', 'Molina Healthcare', 11),
  ('CENTENE', 'Ambetter / Centene', 12),
  ('MAGELLAN', 'Magellan Health', 13),
  ('OPTUM', 'Optum Behavioral Health', 14),
  ('CAREFIRST', 'CareFirst', 15);
