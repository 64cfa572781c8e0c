import type { Metadata } from "next";
import { ReauthenticationNotice } from "@/app/staff/(signed-in)/confirm/ReauthenticationNotice";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { getDb } from "@/lib/db/client";
import { EXPORT_CATEGORIES } from "@/lib/validations/admin-reason-categories";
import { CHANNEL_LABELS } from "@/lib/triage/record/inquiry-channel-labels";
import { DEFAULT_EXPORT_COLUMNS, EXPORT_COLUMN_KEYS, EXPORT_COLUMNS, ExportFilterSchema } from "@/lib/validations/inquiry-export";
import { LOCALE_LIST } from "@/lib/i18n/locales";

export const metadata: Metadata = { title: "Export" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// A Map, not an object: "?error=__proto__" or "?error=constructor" must find
// nothing rather than an inherited property.
const ERRORS = new Map<string, string>([
  ["category", "Choose why this export is needed."],
  ["columns", "Choose at least one column."],
  ["reauth", "Confirm it's you first (link above), then export again."],
  ["too-many", "Too many inquiries match for one export. Narrow the filter, for example to a shorter date range."],
]);

// The export form. It posts to /api/staff/exports, which checks everything
// again and answers with the file. The inbox's filter can be handed over in
// the query string (same names as the inbox's).
export default async function ExportPage({ searchParams }: Props) {
  const admin = await requireStaffPage({ role: "admin" });
  const params = await searchParams;
  const filter = ExportFilterSchema.parse(params);
  const error = typeof params.error === "string" ? ERRORS.get(params.error) : undefined;
  const db = getDb();
  const [stages, sources, staff] = await Promise.all([
    db.pipelineStage.findMany({ orderBy: { position: "asc" } }),
    db.referralSource.findMany({ orderBy: { position: "asc" } }),
    db.staffUser.findMany({ where: { banned: false }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return (
    <>
      <h1>Export inquiries</h1>
      <p>
        A spreadsheet (CSV) of the inquiries that match the filter, with only the columns you choose. Names, contact details and answers are
        never exported: open a record for those. Each export is recorded in the audit log with your reason.
      </p>
      <ReauthenticationNotice staff={admin} back="/staff/admin/export" what="Exports" />
      {error ? (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      ) : null}
      <form method="post" action="/api/staff/exports">
        <fieldset className="field">
          <legend>Which inquiries</legend>
          <div className="form-row">
            <div className="field">
              <label htmlFor="stage">Stage</label>
              <select id="stage" name="stage" defaultValue={filter.stage}>
                <option value="open">All open</option>
                <option value="all">All</option>
                {stages.map((stage) => (
                  <option key={stage.stage} value={stage.stage}>
                    {stage.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="urgency">Urgency</label>
              <select id="urgency" name="urgency" defaultValue={filter.urgency ?? ""}>
                <option value="">Any</option>
                <option value="URGENT">Urgent</option>
                <option value="ROUTINE">Routine</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="assignee">Assigned to</label>
              <select id="assignee" name="assignee" defaultValue={filter.assignee ?? ""}>
                <option value="">Anyone or no one</option>
                <option value="unassigned">Unassigned</option>
                {staff.map((member) => (
                  <option key={member.id} value={member.id}>
                    {member.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="language">Language</label>
              <select id="language" name="language" defaultValue={filter.language ?? ""}>
                <option value="">Any</option>
                {LOCALE_LIST.map((entry) => (
                  <option key={entry.code} value={entry.code}>
                    {entry.englishName}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="source">Referral source</label>
              <select id="source" name="source" defaultValue={filter.source ?? ""}>
                <option value="">Any</option>
                {sources.map((source) => (
                  <option key={source.code} value={source.code}>
                    {source.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="channel">Arrived by</label>
              <select id="channel" name="channel" defaultValue={filter.channel ?? ""}>
                <option value="">Any</option>
                {Object.entries(CHANNEL_LABELS).map(([channel, label]) => (
                  <option key={channel} value={channel}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="from">Received from</label>
              <input id="from" name="from" type="date" defaultValue={filter.from ?? ""} />
            </div>
            <div className="field">
              <label htmlFor="to">Received until</label>
              <input id="to" name="to" type="date" defaultValue={filter.to ?? ""} />
            </div>
          </div>
        </fieldset>
        <fieldset className="field">
          <legend>Columns</legend>
          {EXPORT_COLUMN_KEYS.map((key) => (
            <div className="choice" key={key}>
              <input id={`column-${key}`} type="checkbox" name="columns" value={key} defaultChecked={DEFAULT_EXPORT_COLUMNS.includes(key)} />
              <label htmlFor={`column-${key}`}>{EXPORT_COLUMNS[key]}</label>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="category">Reason for this export</label>
          <p className="hint" id="category-hint">
            Recorded in the audit log. A choice from the list, so no one&apos;s name or details can end up in the log.
          </p>
          <select id="category" name="category" required defaultValue="" aria-describedby="category-hint">
            <option value="" disabled>
              Choose a reason
            </option>
            {Object.entries(EXPORT_CATEGORIES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button className="button-primary button-inline" type="submit">
          Download CSV
        </button>
      </form>
    </>
  );
}
