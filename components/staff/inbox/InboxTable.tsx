import { TableScroll } from "@/components/staff/TableScroll";
import Link from "next/link";
import { LANGUAGE_LABELS } from "@/components/staff/detail/answer-labels";
import { formatBestTimes } from "@/components/staff/inbox/inbox-format";
import { CHANNEL_LABELS } from "@/lib/triage/record/inquiry-channel-labels";
import type { InboxLabels, InboxTableRow } from "@/components/staff/inbox/inbox-types";
import { RelativeTime } from "@/components/staff/inbox/RelativeTime";
import { ResponseClockCell } from "@/components/staff/inbox/ResponseClockCell";

// The inbox's table, also used for search results. Each row's header cell is
// a link to the inquiry (the reference code: never a name), so Tab, Enter and
// j/k (InboxKeys) work through the list. Rendered on the server for the inbox
// and in the browser for search results: no hooks here, only in the cells.
export function InboxTable(props: { rows: InboxTableRow[]; labels: InboxLabels; caption: React.ReactNode }) {
  const { labels } = props;
  return (
    <TableScroll label="Inquiries">
      <table className="inbox-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Received</th>
            <th scope="col">Urgency</th>
            <th scope="col">Stage</th>
            <th scope="col">Assigned to</th>
            <th scope="col">Language</th>
            <th scope="col">Best time</th>
            <th scope="col">First contact</th>
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
                <RelativeTime iso={row.receivedAt} exact={row.receivedExact} serverNowMs={labels.serverNowMs} />
              </td>
              <td>{row.urgent ? <strong className="badge badge--urgent">Urgent</strong> : "Routine"}</td>
              <td>
                {labels.stages[row.stage] ?? row.stage}
                {row.possibleDuplicate ? <> <span className="badge">Possible duplicate</span></> : null}
                {row.underChallenge ? <> <span className="badge">Submitted under challenge</span></> : null}
                {row.channel !== "WEB" ? <> <span className="badge">{CHANNEL_LABELS[row.channel]}</span></> : null}
              </td>
              <td>{row.assigneeName ?? <span className="muted">Unassigned</span>}</td>
              <td>{LANGUAGE_LABELS[row.language] ?? row.language}</td>
              <td>{formatBestTimes(row.bestTimes)}</td>
              <td>
                <ResponseClockCell
                  receivedAt={row.receivedAt}
                  firstContactAt={row.firstContactAt}
                  open={row.open}
                  clock={labels.clock}
                  serverNowMs={labels.serverNowMs}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
