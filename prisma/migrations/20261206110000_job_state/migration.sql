-- Where the app's periodic jobs have got to (the arrivals cursor, the last
-- day the retention purge ran). Until now these were SYSTEM rows of the
-- audit trail, which mixed bookkeeping into the record of who saw what and
-- grew it by one row per tick with arrivals.
CREATE TABLE "JobState" (
    "job" VARCHAR(64) NOT NULL,
    "state" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobState_pkey" PRIMARY KEY ("job")
);

-- Carry the positions over, so an upgrade neither re-processes nor skips.
INSERT INTO "JobState" ("job", "state", "updatedAt")
SELECT 'triage.arrivals', jsonb_build_object('createdAt', "metadata"->>'createdAt', 'id', "metadata"->>'id'), "occurredAt"
FROM "AuditEvent" WHERE "action" = 'triage.arrivals.processed'
ORDER BY "id" DESC LIMIT 1;

INSERT INTO "JobState" ("job", "state", "updatedAt")
SELECT 'retention.purge', jsonb_build_object('day', "metadata"->>'day'), "occurredAt"
FROM "AuditEvent" WHERE "action" = 'retention.purge.completed'
ORDER BY "id" DESC LIMIT 1;
