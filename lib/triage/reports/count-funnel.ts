import "server-only";
import { getDb } from "@/lib/db/client";
import type { InquiryStatus } from "@/lib/db/generated/enums";
import type { ReportRange } from "@/lib/triage/reports/report-range";
import { receivedWithin } from "@/lib/triage/reports/report-scope";

export type Funnel = {
  // How many got at least this far along New → Contact attempted → Reached →
  // Screening scheduled → Admitted, whatever happened after.
  reached: { stage: InquiryStatus; count: number }[];
  // Where they are now, every stage (exits included).
  current: { stage: InquiryStatus; count: number }[];
};

// "At least this far" is read from facts that stay after an inquiry moves on
// or is closed: a contact attempt of whatever kind (or a first-contact time) for Contact
// attempted, an attempt that reached the person (or a later stage) for
// Reached. Screening scheduled has no such trace, so an inquiry closed after
// its screening was booked counts only as far as Reached.
export async function countFunnel(range: ReportRange): Promise<Funnel> {
  const [row] = await getDb().$queryRaw<{ received: number; attempted: number; reached: number; screening: number; admitted: number }[]>`
    SELECT count(*)::int AS "received",
           count(*) FILTER (WHERE i."firstContactAt" IS NOT NULL OR i."status" IN ('CONTACT_ATTEMPTED', 'REACHED', 'SCREENING_SCHEDULED', 'ADMITTED')
             OR EXISTS (SELECT 1 FROM "ContactAttempt" a WHERE a."inquiryId" = i."id"))::int AS "attempted",
           count(*) FILTER (WHERE i."status" IN ('REACHED', 'SCREENING_SCHEDULED', 'ADMITTED')
             OR EXISTS (SELECT 1 FROM "ContactAttempt" a WHERE a."inquiryId" = i."id" AND a."outcome" = 'REACHED'))::int AS "reached",
           count(*) FILTER (WHERE i."status" IN ('SCREENING_SCHEDULED', 'ADMITTED'))::int AS "screening",
           count(*) FILTER (WHERE i."status" = 'ADMITTED')::int AS "admitted"
    FROM "Inquiry" i WHERE ${receivedWithin(range)}`;
  const current = await getDb().$queryRaw<{ stage: InquiryStatus; count: number }[]>`
    SELECT i."status" AS "stage", count(*)::int AS "count" FROM "Inquiry" i WHERE ${receivedWithin(range)} GROUP BY 1`;
  const counts = row ?? { received: 0, attempted: 0, reached: 0, screening: 0, admitted: 0 };
  return {
    reached: [
      { stage: "NEW", count: counts.received },
      { stage: "CONTACT_ATTEMPTED", count: counts.attempted },
      { stage: "REACHED", count: counts.reached },
      { stage: "SCREENING_SCHEDULED", count: counts.screening },
      { stage: "ADMITTED", count: counts.admitted },
    ],
    current,
  };
}
