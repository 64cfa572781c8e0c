-- The triage workspace (issue 5): assignment, contact attempts, notes with
-- every version kept, configurable pipeline labels and exit reasons, managed
-- referral sources, duplicate flags, the response-time clock's facts,
-- retention (legal hold, anonymisation) and the workspace settings.

-- CreateEnum
CREATE TYPE "ContactChannel" AS ENUM ('CALL', 'VOICEMAIL', 'TEXT', 'EMAIL');

-- CreateEnum
CREATE TYPE "ContactOutcome" AS ENUM ('REACHED', 'NO_ANSWER', 'LEFT_MESSAGE', 'WRONG_NUMBER', 'BOUNCED', 'OTHER');

-- CreateEnum
CREATE TYPE "DuplicateState" AS ENUM ('NONE', 'FLAGGED', 'CONFIRMED', 'DISMISSED');

-- AlterTable: anonymisation blanks the ciphertext, so the name may be absent.
ALTER TABLE "Inquiry" ALTER COLUMN "firstNameEnc" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Inquiry" ADD COLUMN "assigneeId" TEXT,
ADD COLUMN "assignedAt" TIMESTAMPTZ(3),
ADD COLUMN "stageChangedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN "firstContactAt" TIMESTAMPTZ(3),
ADD COLUMN "lastAttemptAt" TIMESTAMPTZ(3),
ADD COLUMN "unsuccessfulAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "nextFollowUpAt" TIMESTAMPTZ(3),
ADD COLUMN "exitReasonId" UUID,
ADD COLUMN "possibleDuplicateOfId" UUID,
ADD COLUMN "duplicateState" "DuplicateState" NOT NULL DEFAULT 'NONE',
ADD COLUMN "firstNameHash" VARCHAR(64),
ADD COLUMN "escalatedAt" TIMESTAMPTZ(3),
ADD COLUMN "closedAt" TIMESTAMPTZ(3),
ADD COLUMN "legalHold" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "anonymisedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "ContactAttempt" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "inquiryId" UUID NOT NULL,
    "staffUserId" TEXT,
    "channel" "ContactChannel" NOT NULL,
    "outcome" "ContactOutcome" NOT NULL,
    "attemptedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "nextFollowUpAt" TIMESTAMPTZ(3),

    CONSTRAINT "ContactAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InquiryNote" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "inquiryId" UUID NOT NULL,
    "authorId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InquiryNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InquiryNoteVersion" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "noteId" UUID NOT NULL,
    "bodyEnc" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InquiryNoteVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PipelineStage" (
    "stage" "InquiryStatus" NOT NULL,
    "label" VARCHAR(64) NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "PipelineStage_pkey" PRIMARY KEY ("stage")
);

-- CreateTable
CREATE TABLE "ExitReason" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "stage" "InquiryStatus" NOT NULL,
    "label" VARCHAR(100) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ExitReason_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferralSource" (
    "code" VARCHAR(32) NOT NULL,
    "label" VARCHAR(100) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ReferralSource_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "StaffProfile" (
    "userId" TEXT NOT NULL,
    "languages" VARCHAR(8)[],
    "lastAssignedAt" TIMESTAMPTZ(3),

    CONSTRAINT "StaffProfile_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "TriageSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "firstContactTargetMinutes" INTEGER NOT NULL DEFAULT 15,
    "timeZone" VARCHAR(64) NOT NULL DEFAULT 'America/New_York',
    "businessHours" JSONB NOT NULL,
    "attemptsBeforeDecision" INTEGER NOT NULL DEFAULT 3,
    "escalationEmail" VARCHAR(254),
    "roundRobin" BOOLEAN NOT NULL DEFAULT false,
    "retentionDays" INTEGER NOT NULL DEFAULT 365,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TriageSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Inquiry_assigneeId_createdAt_idx" ON "Inquiry"("assigneeId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Inquiry_createdAt_id_idx" ON "Inquiry"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Inquiry_firstNameHash_idx" ON "Inquiry"("firstNameHash");

-- CreateIndex
CREATE INDEX "Inquiry_nextFollowUpAt_idx" ON "Inquiry"("nextFollowUpAt");

-- CreateIndex
CREATE INDEX "Inquiry_closedAt_idx" ON "Inquiry"("closedAt");

-- CreateIndex
CREATE INDEX "ContactAttempt_inquiryId_attemptedAt_idx" ON "ContactAttempt"("inquiryId", "attemptedAt");

-- CreateIndex
CREATE INDEX "InquiryNote_inquiryId_createdAt_idx" ON "InquiryNote"("inquiryId", "createdAt");

-- CreateIndex
CREATE INDEX "InquiryNoteVersion_noteId_createdAt_idx" ON "InquiryNoteVersion"("noteId", "createdAt");

-- AddForeignKey
ALTER TABLE "Inquiry" ADD CONSTRAINT "Inquiry_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inquiry" ADD CONSTRAINT "Inquiry_exitReasonId_fkey" FOREIGN KEY ("exitReasonId") REFERENCES "ExitReason"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inquiry" ADD CONSTRAINT "Inquiry_possibleDuplicateOfId_fkey" FOREIGN KEY ("possibleDuplicateOfId") REFERENCES "Inquiry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactAttempt" ADD CONSTRAINT "ContactAttempt_inquiryId_fkey" FOREIGN KEY ("inquiryId") REFERENCES "Inquiry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactAttempt" ADD CONSTRAINT "ContactAttempt_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InquiryNote" ADD CONSTRAINT "InquiryNote_inquiryId_fkey" FOREIGN KEY ("inquiryId") REFERENCES "Inquiry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InquiryNote" ADD CONSTRAINT "InquiryNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InquiryNoteVersion" ADD CONSTRAINT "InquiryNoteVersion_noteId_fkey" FOREIGN KEY ("noteId") REFERENCES "InquiryNote"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffProfile" ADD CONSTRAINT "StaffProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A single settings row.
ALTER TABLE "TriageSettings" ADD CONSTRAINT "TriageSettings_single_row_check" CHECK ("id" = 1);
INSERT INTO "TriageSettings" ("id", "businessHours") VALUES
  (1, '{"mon":["09:00","17:00"],"tue":["09:00","17:00"],"wed":["09:00","17:00"],"thu":["09:00","17:00"],"fri":["09:00","17:00"]}');

-- Default labels and order of the pipeline (admins can rename and reorder).
INSERT INTO "PipelineStage" ("stage", "label", "position") VALUES
  ('NEW', 'New', 1),
  ('CONTACT_ATTEMPTED', 'Contact attempted', 2),
  ('REACHED', 'Reached', 3),
  ('SCREENING_SCHEDULED', 'Screening scheduled', 4),
  ('ADMITTED', 'Admitted', 5),
  ('REFERRED_ELSEWHERE', 'Referred elsewhere', 6),
  ('NOT_A_FIT', 'Not a fit', 7),
  ('UNREACHABLE', 'Unreachable', 8),
  ('WITHDREW', 'Withdrew', 9);

-- Default exit reasons (admins define their own).
INSERT INTO "ExitReason" ("stage", "label", "position") VALUES
  ('REFERRED_ELSEWHERE', 'Needs a higher level of care', 1),
  ('REFERRED_ELSEWHERE', 'Needs a lower level of care', 2),
  ('REFERRED_ELSEWHERE', 'Prefers another provider', 3),
  ('NOT_A_FIT', 'Insurance not accepted', 1),
  ('NOT_A_FIT', 'Outside our area', 2),
  ('NOT_A_FIT', 'Schedule does not fit', 3),
  ('UNREACHABLE', 'No answer after repeated attempts', 1),
  ('UNREACHABLE', 'Contact details not working', 2),
  ('WITHDREW', 'No longer interested', 1),
  ('WITHDREW', 'Chose to wait', 2);

-- Referral sources: the form's "how did you hear about us" answers, with
-- labels staff see; admins add their own.
INSERT INTO "ReferralSource" ("code", "label", "position") VALUES
  ('SEARCH', 'Web search', 1),
  ('FRIEND_OR_FAMILY', 'Friend or family', 2),
  ('HEALTHCARE_PROVIDER', 'Doctor or healthcare provider', 3),
  ('COUNSELOR_OR_THERAPIST', 'Counselor or therapist', 4),
  ('COURT_OR_PROBATION', 'Court or probation', 5),
  ('EMPLOYER', 'Employer', 6),
  ('INSURANCE', 'Insurance', 7),
  ('SOCIAL_MEDIA', 'Social media', 8),
  ('OTHER', 'Other', 9);
