-- Issue 12: closure days (holidays, training days). A calendar date in the
-- clinic's time zone on which no business time passes.

-- CreateTable
CREATE TABLE "ClosureDay" (
    "date" DATE NOT NULL,
    "label" VARCHAR(80),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClosureDay_pkey" PRIMARY KEY ("date")
);
