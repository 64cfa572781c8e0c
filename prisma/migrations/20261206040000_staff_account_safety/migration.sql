-- Issue 14, staff half: no password-only path into the staff area.

-- TOTP replay protection: the newest time step a code was accepted for. A
-- code for this step or an older one is refused (a second use of the same
-- code within its 90-second window, or an older code seen over a shoulder).
ALTER TABLE "StaffTwoFactor" ADD COLUMN "lastTotpStep" BIGINT;

-- "Confirm it's you": when this session last proved its password or a
-- second-factor code again, for export, deletion on request and resets.
ALTER TABLE "StaffSession" ADD COLUMN "reauthenticatedAt" TIMESTAMPTZ(3);

-- Single-use, short-lived links an admin (or the create-admin command) sends
-- for one thing: connecting a (new) second factor, or setting a new
-- password. Only the SHA-256 of the token is kept, like invitations.
-- CreateTable
CREATE TABLE "StaffAccessLink" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "tokenHash" VARCHAR(64) NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "StaffAccessLink_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "StaffAccessLink_purpose_check" CHECK ("purpose" IN ('enrol', 'password-reset'))
);

-- CreateIndex
CREATE UNIQUE INDEX "StaffAccessLink_tokenHash_key" ON "StaffAccessLink"("tokenHash");

-- CreateIndex
CREATE INDEX "StaffAccessLink_userId_idx" ON "StaffAccessLink"("userId");

-- AddForeignKey
ALTER TABLE "StaffAccessLink" ADD CONSTRAINT "StaffAccessLink_userId_fkey" FOREIGN KEY ("userId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffAccessLink" ADD CONSTRAINT "StaffAccessLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;
