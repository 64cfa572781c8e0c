-- The clinic's public details, editable by admins (issue 12). No row is
-- inserted: until an admin saves, lib/clinic/clinic.json (the seed) applies.
CREATE TABLE "ClinicDetails" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "name" VARCHAR(100) NOT NULL,
    "phone" VARCHAR(24) NOT NULL,
    "phoneDisplay" VARCHAR(32) NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "address" VARCHAR(200) NOT NULL,
    "localised" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClinicDetails_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "ClinicDetails" ADD CONSTRAINT "ClinicDetails_single_row_check" CHECK ("id" = 1);
