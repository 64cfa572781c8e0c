import type { Metadata } from "next";
import Link from "next/link";
import { DueTable, type DueTableRow } from "@/components/staff/inbox/DueTable";
import { formatExact } from "@/components/staff/inbox/inbox-format";
import { InboxKeys } from "@/components/staff/inbox/InboxKeys";
import { toTableRow } from "@/components/staff/inbox/to-table-row";
import "@/components/staff/inbox/inbox.css";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { isInPreferredWindow } from "@/lib/triage/clock/is-in-preferred-window";
import { listDueFollowUps } from "@/lib/triage/inbox/list-due-follow-ups";
import { loadInboxOptions } from "@/lib/triage/inbox/load-inbox-options";
import { getTriageSettings } from "@/lib/triage/settings/triage-settings";

export const metadata: Metadata = { title: "Call-backs" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Call-backs due now and later today. Like the inbox: reference codes and
// operational facts only, nothing decrypted.
export default async function DueNowPage({ searchParams }: Props) {
  const staff = await requireStaffPage();
  const mine = (await searchParams).mine === "1";
  const settings = await getTriageSettings();
  const now = new Date();
  const [{ rows, more }, options] = await Promise.all([
    listDueFollowUps({ now, timeZone: settings.timeZone, assigneeId: mine ? staff.user.id : undefined }),
    loadInboxOptions(),
  ]);
  const context = { timeZone: settings.timeZone, staffNames: Object.fromEntries(options.staff.map((s) => [s.id, s.name])) };
  const table: DueTableRow[] = rows.map((row) => ({
    ...toTableRow(row, context),
    callBackAt: row.nextFollowUpAt.toISOString(),
    callBackExact: formatExact(row.nextFollowUpAt, settings.timeZone),
    attempts: row.unsuccessfulAttempts,
    inWindowNow: isInPreferredWindow({ bestTimes: row.bestTimes, at: now, timeZone: settings.timeZone }),
  }));
  const due = table.filter((row) => Date.parse(row.callBackAt) <= now.getTime());
  const later = table.filter((row) => Date.parse(row.callBackAt) > now.getTime());
  const labels = Object.fromEntries(options.stages.map((s) => [s.stage, s.label]));
  const whose = mine ? "Your call-backs" : "Everyone's call-backs";

  return (
    <>
      <h1>Call-backs</h1>
      <p>
        {mine ? <Link href="/staff/inquiries/due">Show everyone&apos;s</Link> : <Link href="/staff/inquiries/due?mine=1">Show only mine</Link>}
        {" · "}
        <Link href="/staff/inquiries">Back to the inbox</Link>
      </p>
      <section aria-labelledby="due-heading">
        <h2 id="due-heading">Due now ({due.length})</h2>
        {due.length === 0 ? (
          <p>No call-back is due.</p>
        ) : (
          <DueTable rows={due} stages={labels} serverNowMs={now.getTime()} caption={`${whose} that are due, most overdue first`} />
        )}
      </section>
      <section aria-labelledby="later-heading">
        <h2 id="later-heading">Later today ({later.length})</h2>
        {later.length === 0 ? (
          <p>Nothing else is scheduled for today.</p>
        ) : (
          <DueTable rows={later} stages={labels} serverNowMs={now.getTime()} caption={`${whose} later today, soonest first`} />
        )}
      </section>
      {more ? <p className="note">Only the first {rows.length} are shown.</p> : null}
      <InboxKeys />
    </>
  );
}
