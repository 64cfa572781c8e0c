-- Flood resilience (issue 14, public half): a submission accepted while the
-- form asked for a proof of work is marked so coordinators can triage it
-- last, and single-use proofs (form tokens, solved challenges) are recorded
-- until they expire so a second use is refused.

-- AlterTable
ALTER TABLE "Inquiry" ADD COLUMN "submittedUnderChallenge" BOOLEAN NOT NULL DEFAULT false;

-- The inbox reads each (urgency, mark) segment newest first: the mark joins
-- the equality part of its index, so every segment is still one ordered range.
-- DropIndex
DROP INDEX "Inquiry_status_urgency_createdAt_idx";

-- CreateIndex
CREATE INDEX "Inquiry_status_urgency_submittedUnderChallenge_createdAt_idx" ON "Inquiry"("status", "urgency", "submittedUnderChallenge", "createdAt" DESC);

-- CreateTable
CREATE TABLE "SpentToken" (
    "key" VARCHAR(128) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SpentToken_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "SpentToken_expiresAt_idx" ON "SpentToken"("expiresAt");
