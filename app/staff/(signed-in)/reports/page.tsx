import type { Metadata } from "next";
import { BarChart } from "@/app/staff/(signed-in)/reports/BarChart";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { getDb } from "@/lib/db/client";
import { EXIT_STAGES } from "@/lib/triage/pipeline/pipeline-transitions";
import { CHANNEL_LABELS } from "@/lib/triage/record/inquiry-channel-labels";
import { countByChannel } from "@/lib/triage/reports/count-by-channel";
import { countFunnel } from "@/lib/triage/reports/count-funnel";
import { countInquiriesPerWeek } from "@/lib/triage/reports/count-inquiries-per-week";
import { formatMinutes } from "@/lib/triage/clock/format-minutes";
import { formatShare } from "@/lib/triage/reports/format-share";
import { measureConversion, type ConversionRow } from "@/lib/triage/reports/measure-conversion";
import { measureFirstContact } from "@/lib/triage/reports/measure-first-contact";
import { measureTimeToVerified } from "@/lib/triage/reports/measure-time-to-verified";
import { resolveReportRange } from "@/lib/triage/reports/report-range";
import { getTriageSettings } from "@/lib/triage/settings/triage-settings";
import { ReportRangeSchema } from "@/lib/validations/report-range";
import "./reports.css";
import { LOCALE_LIST } from "@/lib/i18n/locales";

export const metadata: Metadata = { title: "Reports" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const LANGUAGE_NAMES: Record<string, string> = Object.fromEntries(LOCALE_LIST.map((entry) => [entry.code, entry.englishName]));
const day = (date: string) => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));

function conversionRows(rows: ConversionRow[], labelOf: (key: string | null) => string) {
  return rows.map((row) => ({
    label: labelOf(row.key),
    value: row.received === 0 ? 0 : (row.admitted / row.received) * 100,
    valueText: formatShare(row.admitted, row.received),
    cells: [String(row.received), String(row.admitted), String(row.open), formatShare(row.admitted, row.received)],
  }));
}

// Figures for admins and coordinators, all SQL aggregates over operational
// columns: nothing is decrypted and no record is opened, so viewing reports
// is not an audited read.
export default async function ReportsPage({ searchParams }: Props) {
  await requireStaffPage();
  const settings = await getTriageSettings();
  const range = resolveReportRange({ input: ReportRangeSchema.parse(await searchParams), timeZone: settings.timeZone });
  const db = getDb();
  const [weeks, firstContact, funnel, bySource, byLanguage, stages, sources, byChannel, toVerified] = await Promise.all([
    countInquiriesPerWeek(range),
    measureFirstContact({ range, settings }),
    countFunnel(range),
    measureConversion({ range, by: "source" }),
    measureConversion({ range, by: "language" }),
    db.pipelineStage.findMany({ orderBy: { position: "asc" } }),
    db.referralSource.findMany({ select: { code: true, label: true } }),
    countByChannel(range),
    measureTimeToVerified(range),
  ]);
  const stageLabel = new Map(stages.map((stage) => [stage.stage, stage.label]));
  const sourceLabel = new Map(sources.map((source) => [source.code, source.label]));
  const received = funnel.reached[0]?.count ?? 0;
  const decided = firstContact.withinTarget + firstContact.pastTarget;
  const currentCount = new Map(funnel.current.map((row) => [row.stage, row.count]));

  return (
    <>
      <h1>Reports</h1>
      <form method="get" className="form-row" aria-label="Report period">
        <div className="field">
          <label htmlFor="from">Received from</label>
          <input id="from" name="from" type="date" defaultValue={range.from} />
        </div>
        <div className="field">
          <label htmlFor="to">Received until</label>
          <input id="to" name="to" type="date" defaultValue={range.to} />
        </div>
        <button className="button-primary button-inline" type="submit">
          Show
        </button>
      </form>
      <p>
        Inquiries received {day(range.from)} to {day(range.to)} (days and weeks in {range.timeZone}): {received} in all.
      </p>

      <section aria-labelledby="weekly-heading">
        <h2 id="weekly-heading">Inquiries per week</h2>
        <BarChart
          id="weekly"
          title="Inquiries received per week"
          description="One bar per week, Monday to Sunday, its length the number of inquiries received."
          columns={["Week of", "Inquiries", "Of which urgent"]}
          rows={weeks.map((week) => ({ label: day(week.weekStart), value: week.total, valueText: String(week.total), cells: [String(week.total), String(week.urgent)] }))}
        />
      </section>

      <section aria-labelledby="first-contact-heading">
        <h2 id="first-contact-heading">Time to first contact</h2>
        <p>
          From arrival to the first contact attempt, counting business hours only (the response clock&apos;s measure, with today&apos;s
          opening hours); wall-clock time is in the table for comparison. Target: {formatMinutes(firstContact.targetMinutes)}.
        </p>
        <ul className="report-stats">
          <li>
            <p className="stat">{formatMinutes(firstContact.medianBusinessMinutes)}</p>
            median (business hours)
          </li>
          <li>
            <p className="stat">{formatMinutes(firstContact.p90BusinessMinutes)}</p>
            90th percentile (business hours)
          </li>
          <li>
            <p className="stat">{formatShare(firstContact.withinTarget, decided)}</p>
            contacted within target ({firstContact.withinTarget} of {decided})
          </li>
        </ul>
        <BarChart
          id="first-contact"
          title="Time to first contact against the target, in business minutes"
          description="Bars for the median, the 90th percentile and the target."
          columns={["Measure", "Business hours", "Wall clock"]}
          rows={[
            { label: "Median", value: firstContact.medianBusinessMinutes ?? 0, valueText: formatMinutes(firstContact.medianBusinessMinutes), cells: [formatMinutes(firstContact.medianBusinessMinutes), formatMinutes(firstContact.medianWallMinutes)] },
            { label: "90th percentile", value: firstContact.p90BusinessMinutes ?? 0, valueText: formatMinutes(firstContact.p90BusinessMinutes), cells: [formatMinutes(firstContact.p90BusinessMinutes), formatMinutes(firstContact.p90WallMinutes)] },
            { label: "Target", value: firstContact.targetMinutes, valueText: formatMinutes(firstContact.targetMinutes), cells: [formatMinutes(firstContact.targetMinutes), "–"] },
          ]}
        />
        <p className="note">
          {firstContact.contacted} contacted. Not counted in the share: {firstContact.undecided} still inside the target or closed before it ran out
          without contact. Never contacted and past the target counts as missed.
        </p>
      </section>

      <section aria-labelledby="verified-heading">
        <h2 id="verified-heading">Time to benefits verified</h2>
        <p>From arrival to the verification-of-benefits result (active, inactive, needs authorisation or self-pay), in wall-clock time.</p>
        <ul className="report-stats">
          <li>
            <p className="stat">{formatMinutes(toVerified.medianMinutes)}</p>
            median
          </li>
          <li>
            <p className="stat">{formatMinutes(toVerified.p90Minutes)}</p>
            90th percentile
          </li>
          <li>
            <p className="stat">{toVerified.verified}</p>
            verified ({toVerified.waiting} with insurance still waiting)
          </li>
        </ul>
      </section>

      <section aria-labelledby="funnel-heading">
        <h2 id="funnel-heading">Funnel</h2>
        <BarChart
          id="funnel"
          title="How far inquiries got"
          description="One bar per stage of the pipeline, its length the number of inquiries that reached at least that stage."
          columns={["Stage", "Reached at least", "Share of received", "There now"]}
          rows={funnel.reached.map((row) => ({
            label: stageLabel.get(row.stage) ?? row.stage,
            value: row.count,
            valueText: String(row.count),
            cells: [String(row.count), formatShare(row.count, received), String(currentCount.get(row.stage) ?? 0)],
          }))}
        />
        <p className="note">
          Closed without admission:{" "}
          {EXIT_STAGES.map((stage) => `${stageLabel.get(stage) ?? stage} ${currentCount.get(stage) ?? 0}`).join(", ")}.
          An inquiry closed after its screening was booked counts as far as Reached.
        </p>
      </section>

      <section aria-labelledby="channel-heading">
        <h2 id="channel-heading">Inquiries by channel</h2>
        <BarChart
          id="channel"
          title="Inquiries received, by how they arrived"
          description="One bar per channel (web form, phone, walk-in, referral partner), its length the number of inquiries received that way."
          columns={["Channel", "Received", "Of which urgent", "Admitted"]}
          rows={byChannel.map((row) => ({
            label: CHANNEL_LABELS[row.channel],
            value: row.received,
            valueText: String(row.received),
            cells: [String(row.received), String(row.urgent), String(row.admitted)],
          }))}
        />
      </section>

      <section aria-labelledby="source-heading">
        <h2 id="source-heading">Conversion by referral source</h2>
        <BarChart
          id="source"
          title="Share admitted, by referral source"
          description="One bar per referral source, its length the share of its inquiries that were admitted."
          columns={["Referral source", "Received", "Admitted", "Still open", "Admitted share"]}
          max={100}
          rows={conversionRows(bySource, (key) => (key ? (sourceLabel.get(key) ?? key) : "Not given"))}
        />
      </section>

      <section aria-labelledby="language-heading">
        <h2 id="language-heading">Conversion by language</h2>
        <BarChart
          id="language"
          title="Share admitted, by preferred language"
          description="One bar per language, its length the share of its inquiries that were admitted."
          columns={["Language", "Received", "Admitted", "Still open", "Admitted share"]}
          max={100}
          rows={conversionRows(byLanguage, (key) => (key ? (LANGUAGE_NAMES[key] ?? key) : "Not given"))}
        />
        <p className="note">Inquiries still open may yet be admitted, so recent periods read low.</p>
      </section>
    </>
  );
}
