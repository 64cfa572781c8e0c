import "server-only";
import { getDb } from "@/lib/db/client";
import type { BusinessHours } from "@/lib/triage/clock/business-hours";
import type { ReportRange } from "@/lib/triage/reports/report-range";
import { receivedWithin } from "@/lib/triage/reports/report-scope";

export type FirstContactFigures = {
  targetMinutes: number;
  contacted: number;
  // Of the inquiries with a known outcome: contacted within the target, or
  // not (contacted late, or still not contacted though the target has passed).
  withinTarget: number;
  pastTarget: number;
  // Not counted either way: still waiting inside the target, or closed
  // without contact before it ran out.
  undecided: number;
  medianBusinessMinutes: number | null;
  p90BusinessMinutes: number | null;
  medianWallMinutes: number | null;
  p90WallMinutes: number | null;
};

// Time from arrival to the first contact attempt, in business minutes (the
// response clock's measure: only time inside business hours, in the clinic's
// zone, counts) and in wall-clock minutes for comparison. Computed by
// PostgreSQL over operational columns: per inquiry, each local day's opening
// window is turned into instants with AT TIME ZONE (so daylight-saving days
// come out right) and its overlap with the wait is summed, closure days
// ("ClosureDay") contributing nothing; with no business
// hours configured every minute counts, as in lib/triage/clock/business-hours.ts.
// Percentiles are continuous (percentile_cont: linear interpolation).
// Uses the hours configured now; a change of hours re-measures the past.
export async function measureFirstContact(options: {
  range: ReportRange;
  settings: { firstContactTargetMinutes: number; businessHours: BusinessHours };
  now?: Date;
}): Promise<FirstContactFigures> {
  const { range, settings } = options;
  const now = options.now ?? new Date();
  const target = settings.firstContactTargetMinutes;
  const [row] = await getDb().$queryRaw<Omit<FirstContactFigures, "targetMinutes">[]>`
    WITH hours AS (
      SELECT CASE h.key WHEN 'sun' THEN 0 WHEN 'mon' THEN 1 WHEN 'tue' THEN 2 WHEN 'wed' THEN 3 WHEN 'thu' THEN 4 WHEN 'fri' THEN 5 WHEN 'sat' THEN 6 END AS dow,
             (h.value->>0)::time AS opens, (h.value->>1)::time AS closes
      FROM jsonb_each(${JSON.stringify(settings.businessHours)}::jsonb) AS h
    ), waits AS (
      SELECT i."createdAt" AS t0, i."firstContactAt" IS NOT NULL AS contacted,
             GREATEST(i."createdAt", COALESCE(i."firstContactAt", LEAST(i."closedAt", ${now}::timestamptz), ${now}::timestamptz)) AS t1
      FROM "Inquiry" i WHERE ${receivedWithin(range)}
    ), timed AS (
      SELECT w.contacted,
             EXTRACT(EPOCH FROM (w.t1 - w.t0)) / 60 AS wall,
             CASE WHEN NOT EXISTS (SELECT 1 FROM hours) THEN EXTRACT(EPOCH FROM (w.t1 - w.t0)) / 60
             ELSE COALESCE((
               SELECT sum(GREATEST(0, EXTRACT(EPOCH FROM
                        LEAST(w.t1, (d.day + h.closes) AT TIME ZONE ${range.timeZone}) - GREATEST(w.t0, (d.day + h.opens) AT TIME ZONE ${range.timeZone}))))
               FROM generate_series((w.t0 AT TIME ZONE ${range.timeZone})::date::timestamp, (w.t1 AT TIME ZONE ${range.timeZone})::date::timestamp, interval '1 day') AS d(day)
               JOIN hours h ON h.dow = EXTRACT(DOW FROM d.day) AND h.closes > h.opens
               WHERE NOT EXISTS (SELECT 1 FROM "ClosureDay" c WHERE c."date" = d.day::date)
             ), 0) / 60 END AS business
      FROM waits w
    )
    SELECT count(*) FILTER (WHERE contacted)::int AS "contacted",
           count(*) FILTER (WHERE contacted AND business <= ${target})::int AS "withinTarget",
           count(*) FILTER (WHERE business > ${target})::int AS "pastTarget",
           count(*) FILTER (WHERE NOT contacted AND business <= ${target})::int AS "undecided",
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY business) FILTER (WHERE contacted))::float8 AS "medianBusinessMinutes",
           (percentile_cont(0.9) WITHIN GROUP (ORDER BY business) FILTER (WHERE contacted))::float8 AS "p90BusinessMinutes",
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY wall) FILTER (WHERE contacted))::float8 AS "medianWallMinutes",
           (percentile_cont(0.9) WITHIN GROUP (ORDER BY wall) FILTER (WHERE contacted))::float8 AS "p90WallMinutes"
    FROM timed`;
  if (!row) throw new Error("first-contact query returned no row");
  return { targetMinutes: target, ...row };
}
