import type { Metadata } from "next";
import Link from "next/link";
import { InboxFilters } from "@/components/staff/inbox/InboxFilters";
import { InboxKeys } from "@/components/staff/inbox/InboxKeys";
import { InboxSearch } from "@/components/staff/inbox/InboxSearch";
import { InboxTable } from "@/components/staff/inbox/InboxTable";
import type { InboxLabels } from "@/components/staff/inbox/inbox-types";
import { LiveArrivals } from "@/components/staff/inbox/LiveArrivals";
import { toTableRow } from "@/components/staff/inbox/to-table-row";
import "@/components/staff/inbox/inbox.css";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { listInquiries } from "@/lib/triage/inbox/list-inquiries";
import { loadInboxOptions } from "@/lib/triage/inbox/load-inbox-options";
import { listClosedDates } from "@/lib/triage/closures/list-closed-dates";
import { getTriageSettings } from "@/lib/triage/settings/triage-settings";
import { InboxFilterSchema, inboxQuery } from "@/lib/validations/inbox-filter";
import { searchInboxAction } from "./search-action";

export const metadata: Metadata = { title: "Inbox" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The coordinator's inbox. It lists reference codes and operational facts
// only and decrypts nothing, so showing it is not a view of anyone's record
// (opening one is, and is audited there). Searching is audited too.
export default async function InboxPage({ searchParams }: Props) {
  const staff = await requireStaffPage();
  const filter = InboxFilterSchema.parse(await searchParams);
  const settings = await getTriageSettings();
  const [page, options, closedDates] = await Promise.all([
    listInquiries({ filter, viewerId: staff.user.id, timeZone: settings.timeZone }),
    loadInboxOptions(),
    listClosedDates(),
  ]);
  // Render time is the live-arrivals cursor: anything newer is "new".
  const now = new Date().getTime();
  const labels: InboxLabels = {
    stages: Object.fromEntries(options.stages.map((s) => [s.stage, s.label])),
    clock: { targetMinutes: settings.firstContactTargetMinutes, timeZone: settings.timeZone, hours: settings.businessHours, closedDates },
    serverNowMs: now,
  };
  const context = { timeZone: settings.timeZone, staffNames: Object.fromEntries(options.staff.map((s) => [s.id, s.name])) };
  const query = inboxQuery(filter);
  const view = filter.stage === "open" ? "Open inquiries" : filter.stage === "all" ? "Inquiries in every stage" : `Inquiries in “${labels.stages[filter.stage] ?? filter.stage}”`;

  return (
    <>
      <h1>Inbox</h1>
      <p>
        <Link href="/staff/inquiries/due">Call-backs due now</Link>
        {" · "}
        <Link href="/staff/inquiries?verification=waiting">Waiting for benefits verification</Link>
        {" · "}
        <Link href="/staff/inquiries/new">Enter a phone, walk-in or referral inquiry</Link>
      </p>
      <InboxSearch labels={labels} searchAction={searchInboxAction} />
      <section aria-labelledby="inbox-list-heading">
        <h2 id="inbox-list-heading">Inquiries</h2>
        <InboxFilters filter={filter} options={options} />
        <LiveArrivals sinceMs={now} query={query} firstPage={!filter.after} />
        {page.rows.length === 0 ? (
          <p className="alert">No inquiries match these filters.</p>
        ) : (
          <InboxTable
            rows={page.rows.map((row) => toTableRow(row, context))}
            labels={labels}
            caption={`${view}, urgent first, then newest${filter.after ? " (continued)" : ""}. First contact counts business hours against a ${settings.firstContactTargetMinutes}-minute target.`}
          />
        )}
        <InboxKeys />
        <p className="note">Keyboard: j and k move between inquiries, Enter opens one.</p>
        <nav aria-label="Inbox pages" className="inbox-pages">
          {filter.after ? <Link href={`/staff/inquiries${query ? `?${query}` : ""}`}>Back to the newest</Link> : null}
          {page.next ? <Link href={`/staff/inquiries?${inboxQuery(filter, { after: page.next })}`}>Next {page.rows.length} older</Link> : null}
        </nav>
      </section>
    </>
  );
}
