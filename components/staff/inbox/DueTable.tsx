import { TableScroll } from "@/components/staff/TableScroll";
import Link from "next/link";
import { LANGUAGE_LABELS } from "@/components/staff/detail/answer-labels";
import { formatBestTimes } from "@/components/staff/inbox/inbox-format";
import type { InboxTableRow } from "@/components/staff/inbox/inbox-types";
import { RelativeTime } from "@/components/staff/inbox/RelativeTime";

export type DueTableRow = InboxTableRow & { callBackAt: string; callBackExact: string; attempts: number; inWindowNow: boolean };

// Call-backs, most overdue first, with whether now is within the person's
// preferred time of day (calling outside it is allowed, just less likely to
// reach them, and may be less discreet).
export function DueTable(props: { rows: DueTableRow[]; stages: Record<string, string>; serverNowMs: number; caption: string }) {
  return (
    <TableScroll label="Call-backs">
      <table className="inbox-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Call back</th>
            <th scope="col">Preferred time</th>
            <th scope="col">Unsuccessful attempts</th>
            <th scope="col">Urgency</th>
            <th scope="col">Stage</th>
            <th scope="col">Assigned to</th>
            <th scope="col">Language</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.id} className={row.urgent ? "inbox-row inbox-row--urgent" : "inbox-row"}>
              <th scope="row">
                <Link href={`/staff/inquiries/${row.id}`} className="reference-link" data-inbox-row-link="">
                  {row.referenceCode}
                </Link>
              </th>
              <td>
                <RelativeTime iso={row.callBackAt} exact={row.callBackExact} serverNowMs={props.serverNowMs} />
              </td>
              <td>
                {formatBestTimes(row.bestTimes)}
                <br />
                {row.inWindowNow ? <strong>In their window now</strong> : <span className="muted">Outside their window now</span>}
              </td>
              <td>{row.attempts}</td>
              <td>{row.urgent ? <strong className="badge badge--urgent">Urgent</strong> : "Routine"}</td>
              <td>{props.stages[row.stage] ?? row.stage}</td>
              <td>{row.assigneeName ?? <span className="muted">Unassigned</span>}</td>
              <td>{LANGUAGE_LABELS[row.language] ?? row.language}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
