-- Issue 12: inquiries staff enter for a phone call, a walk-in or a referral
-- partner. The channel it arrived by (WEB for the public form and every row
-- before this migration), the referring organisation (free text, encrypted in
-- the application like every other answer), who entered it, and when the row
-- was really written.
--
-- "createdAt" stays the instant the inquiry was received, which the response
-- clock, the inbox order, escalation and reports all read: for a staff-entered
-- inquiry that is the time of first contact the coordinator gives (the call
-- came in at 08:40 even if it is typed in at 09:15). "enteredAt" keeps the
-- real insert time for audit; for web inquiries the two are the same.

-- CreateEnum
CREATE TYPE "InquiryChannel" AS ENUM ('WEB', 'PHONE', 'WALK_IN', 'REFERRAL_FAX', 'REFERRAL_EMAIL', 'REFERRAL_PORTAL', 'OTHER');

-- AlterTable
ALTER TABLE "Inquiry" ADD COLUMN "channel" "InquiryChannel" NOT NULL DEFAULT 'WEB',
ADD COLUMN "referringOrganisationEnc" TEXT,
ADD COLUMN "enteredById" TEXT,
ADD COLUMN "enteredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

UPDATE "Inquiry" SET "enteredAt" = "createdAt";

-- AddForeignKey
ALTER TABLE "Inquiry" ADD CONSTRAINT "Inquiry_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;
