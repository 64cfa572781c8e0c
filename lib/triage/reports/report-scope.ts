import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import type { ReportRange } from "@/lib/triage/reports/report-range";

// The SQL condition "received within the range", on the clinic's days: the
// bounds are computed by PostgreSQL from the local dates and the zone, so a
// daylight-saving change inside the range is handled there.
export function receivedWithin(range: ReportRange, alias = "i"): Prisma.Sql {
  const column = Prisma.raw(`${alias}."createdAt"`);
  return Prisma.sql`${column} >= (${range.from}::date)::timestamp AT TIME ZONE ${range.timeZone}
    AND ${column} < (${range.to}::date + 1)::timestamp AT TIME ZONE ${range.timeZone}`;
}
