import "server-only";
import { getDb } from "@/lib/db/client";
import type { ReportRange } from "@/lib/triage/reports/report-range";
import { receivedWithin } from "@/lib/triage/reports/report-scope";

export type WeekCount = { weekStart: string; total: number; urgent: number };

// Inquiries received per week (weeks start on Monday, in the clinic's zone),
// every week of the range listed, empty ones included. Counts only.
export async function countInquiriesPerWeek(range: ReportRange): Promise<WeekCount[]> {
  return getDb().$queryRaw<WeekCount[]>`
    WITH weeks AS (
      SELECT generate_series(date_trunc('week', ${range.from}::date::timestamp), date_trunc('week', ${range.to}::date::timestamp), interval '1 week')::date AS "weekStart"
    ), counted AS (
      SELECT date_trunc('week', i."createdAt" AT TIME ZONE ${range.timeZone})::date AS "weekStart",
             count(*)::int AS "total", count(*) FILTER (WHERE i."urgency" = 'URGENT')::int AS "urgent"
      FROM "Inquiry" i WHERE ${receivedWithin(range)}
      GROUP BY 1
    )
    SELECT to_char(w."weekStart", 'YYYY-MM-DD') AS "weekStart", COALESCE(c."total", 0)::int AS "total", COALESCE(c."urgent", 0)::int AS "urgent"
    FROM weeks w LEFT JOIN counted c USING ("weekStart") ORDER BY w."weekStart"`;
}
