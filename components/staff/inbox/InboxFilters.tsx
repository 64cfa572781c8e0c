import Link from "next/link";
import { LANGUAGE_LABELS } from "@/components/staff/detail/answer-labels";
import { CHANNEL_LABELS } from "@/lib/triage/record/inquiry-channel-labels";
import type { InboxOptions } from "@/lib/triage/inbox/load-inbox-options";
import type { InboxFilter } from "@/lib/validations/inbox-filter";
import { VERIFICATION_FILTER_CHOICES } from "@/components/staff/inbox/verification-filter-choices";

// A plain GET form: every view of the inbox is a link, and filtering works
// without JavaScript. Nothing personal can be typed here (search is separate
// and posted), so nothing personal reaches the URL.
export function InboxFilters({ filter, options }: { filter: InboxFilter; options: InboxOptions }) {
  const select = (props: { id: string; label: string; value: string | undefined; choices: [string, string][] }) => (
    <div className="field">
      <label htmlFor={`filter-${props.id}`}>{props.label}</label>
      <select id={`filter-${props.id}`} name={props.id} defaultValue={props.value ?? ""}>
        {props.choices.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form method="get" action="/staff/inquiries" className="form-row inbox-filters" aria-label="Filter the inbox">
      {select({
        id: "stage",
        label: "Stage",
        value: filter.stage === "open" ? "" : filter.stage,
        choices: [["", "Open"], ["all", "All stages"], ...options.stages.map((s): [string, string] => [s.stage, s.label])],
      })}
      {select({ id: "urgency", label: "Urgency", value: filter.urgency, choices: [["", "Any"], ["URGENT", "Urgent"], ["ROUTINE", "Routine"]] })}
      {select({
        id: "assignee",
        label: "Assigned to",
        value: filter.assignee,
        choices: [["", "Anyone"], ["mine", "Me"], ["unassigned", "Nobody yet"], ...options.staff.filter((s) => s.active || s.id === filter.assignee).map((s): [string, string] => [s.id, s.name])],
      })}
      {select({ id: "language", label: "Language", value: filter.language, choices: [["", "Any"], ...Object.entries(LANGUAGE_LABELS)] })}
      {select({ id: "source", label: "Heard about us from", value: filter.source, choices: [["", "Any"], ...options.sources.map((s): [string, string] => [s.code, s.label])] })}
      {select({ id: "channel", label: "Arrived by", value: filter.channel, choices: [["", "Any"], ...Object.entries(CHANNEL_LABELS)] })}
      {select({ id: "verification", label: "Benefits verification", value: filter.verification, choices: VERIFICATION_FILTER_CHOICES })}
      <div className="field">
        <label htmlFor="filter-from">Received from</label>
        <input id="filter-from" name="from" type="date" defaultValue={filter.from ?? ""} />
      </div>
      <div className="field">
        <label htmlFor="filter-to">Received until</label>
        <input id="filter-to" name="to" type="date" defaultValue={filter.to ?? ""} />
      </div>
      <div className="inbox-filters__actions">
        <button className="button-primary button-inline" type="submit">
          Apply filters
        </button>
        <Link href="/staff/inquiries">Reset</Link>
      </div>
    </form>
  );
}
