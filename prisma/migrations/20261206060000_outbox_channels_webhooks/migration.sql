-- Issue 13: one outbox for every outgoing message. Escalation mail and signed
-- webhooks become rows of "Notification" with their own kind; webhook
-- endpoints (URL and signing secrets encrypted in the application) and a
-- per-endpoint delivery log that never holds a payload.
-- (New enum values are not used in this migration: PostgreSQL allows adding
-- them inside a transaction only if they are not used before it commits.)

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'ESCALATION';
ALTER TYPE "NotificationKind" ADD VALUE 'WEBHOOK';
ALTER TYPE "NotificationKind" ADD VALUE 'FHIR_EXPORT';

-- CreateEnum
CREATE TYPE "WebhookFormat" AS ENUM ('STANDARD', 'SLACK', 'TEAMS');

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" VARCHAR(80) NOT NULL,
    "urlEnc" TEXT NOT NULL,
    "urlOrigin" VARCHAR(300) NOT NULL,
    "format" "WebhookFormat" NOT NULL DEFAULT 'STANDARD',
    "events" VARCHAR(32)[],
    "secretEnc" TEXT NOT NULL,
    "previousSecretEnc" TEXT,
    "previousSecretUntil" TIMESTAMPTZ(3),
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "failingSince" TIMESTAMPTZ(3),
    "pausedAt" TIMESTAMPTZ(3),
    "pausedReason" VARCHAR(16),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" BIGSERIAL NOT NULL,
    "endpointId" UUID NOT NULL,
    "notificationId" UUID,
    "event" VARCHAR(32) NOT NULL,
    "attempt" INTEGER NOT NULL,
    "attemptedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "statusCode" INTEGER,
    "latencyMs" INTEGER NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "error" VARCHAR(200),

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN "webhookEndpointId" UUID,
ADD COLUMN "event" VARCHAR(32),
ADD COLUMN "eventData" JSONB NOT NULL DEFAULT '{}';

-- CreateIndex
CREATE INDEX "WebhookDelivery_endpointId_attemptedAt_idx" ON "WebhookDelivery"("endpointId", "attemptedAt" DESC);

-- CreateIndex
CREATE INDEX "Notification_webhookEndpointId_idx" ON "Notification"("webhookEndpointId");

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "Notification"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_webhookEndpointId_fkey" FOREIGN KEY ("webhookEndpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- FHIR hand-off: staff record the person's consent to disclose their record
-- to a named treatment provider's record system (and, separately, to include
-- the person who referred them). Who recorded it is kept; the recipient's
-- name is encrypted in the application (it says where the person is treated).
-- AlterEnum
ALTER TYPE "ConsentSubject" ADD VALUE 'EHR_DISCLOSURE';
ALTER TYPE "ConsentSubject" ADD VALUE 'EHR_REFERRER_DISCLOSURE';

-- AlterTable
ALTER TABLE "ConsentRecord" ADD COLUMN "recordedById" TEXT,
ADD COLUMN "recipientEnc" TEXT;

-- AddForeignKey
ALTER TABLE "ConsentRecord" ADD CONSTRAINT "ConsentRecord_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;
