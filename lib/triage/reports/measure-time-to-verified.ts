import "server-only";
import { getDb } from "@/lib/db/client";
import type { ReportRange } from "@/lib/triage/reports/report-range";
import { receivedWithin } from "@/lib/triage/reports/report-scope";

export type TimeToVerifiedFigures = {
  // Inquiries received in the range with a verification result recorded.
  verified: number;
  // ...and with a coverage to check but no result yet.
  waiting: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
};

// Time from an inquiry's arrival to its verification-of-benefits result
// (verified active, inactive, needs authorisation or self-pay: the moment
// staff knew how the person would pay), in wall-clock minutes. Percentiles
// are continuous (percentile_cont), as in the first-contact report. Only
// operational columns are read; nothing is decrypted.
export async function measureTimeToVerified(range: ReportRange): Promise<TimeToVerifiedFigures> {
  const [row] = await getDb().$queryRaw<TimeToVerifiedFigures[]>`
    WITH scoped AS (
      SELECT i."id", i."createdAt", v."verifiedAt",
             EXISTS (SELECT 1 FROM "InquiryCoverage" c WHERE c."inquiryId" = i."id" AND c."kind" <> 'NONE') AS "checkable"
      FROM "Inquiry" i LEFT JOIN "InquiryVerification" v ON v."inquiryId" = i."id"
      WHERE ${receivedWithin(range)} AND i."anonymisedAt" IS NULL
    )
    SELECT count(*) FILTER (WHERE "verifiedAt" IS NOT NULL)::int AS "verified",
           count(*) FILTER (WHERE "verifiedAt" IS NULL AND "checkable")::int AS "waiting",
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM ("verifiedAt" - "createdAt")) / 60)
              FILTER (WHERE "verifiedAt" IS NOT NULL))::float8 AS "medianMinutes",
           (percentile_cont(0.9) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM ("verifiedAt" - "createdAt")) / 60)
              FILTER (WHERE "verifiedAt" IS NOT NULL))::float8 AS "p90Minutes"
    FROM scoped`;
  if (!row) throw new Error("time-to-verified query returned no row");
  return row;
}
