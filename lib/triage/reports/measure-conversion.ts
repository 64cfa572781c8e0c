import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { ReportRange } from "@/lib/triage/reports/report-range";
import { receivedWithin } from "@/lib/triage/reports/report-scope";

export type ConversionRow = { key: string | null; received: number; admitted: number; open: number };

const GROUPS = { source: Prisma.raw(`i."heardAbout"`), language: Prisma.raw(`i."preferredLanguage"`) } as const;

// Of the inquiries received in the range, how many were admitted, per
// referral source or per preferred language (key null: no source given).
// Inquiries still open are counted apart: they may yet be admitted.
export async function measureConversion(options: { range: ReportRange; by: keyof typeof GROUPS }): Promise<ConversionRow[]> {
  const group = GROUPS[options.by];
  return getDb().$queryRaw<ConversionRow[]>`
    SELECT ${group} AS "key", count(*)::int AS "received",
           count(*) FILTER (WHERE i."status" = 'ADMITTED')::int AS "admitted",
           count(*) FILTER (WHERE i."status" IN ('NEW', 'CONTACT_ATTEMPTED', 'REACHED', 'SCREENING_SCHEDULED'))::int AS "open"
    FROM "Inquiry" i WHERE ${receivedWithin(options.range)}
    GROUP BY 1 ORDER BY 2 DESC, 1`;
}
