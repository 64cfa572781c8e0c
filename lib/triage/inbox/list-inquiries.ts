import "server-only";
import { buildInboxWhere } from "@/lib/triage/inbox/build-inbox-where";
import { fetchInboxPage, type InboxPage } from "@/lib/triage/inbox/fetch-inbox-page";
import { OPEN_STAGES, type InboxFilter } from "@/lib/validations/inbox-filter";

export const INBOX_PAGE_SIZE = 50;

// The inbox: one page of inquiries matching the filters, urgent first, then
// newest. Which index answers what (checked with EXPLAIN in
// __tests__/integration/triage/list-inquiries-plans.test.ts and timed over
// 1,000,000 rows by `npm run bench`):
//   open stages (one query each) /
//   one stage ...................... Inquiry(status, urgency, submittedUnderChallenge, createdAt DESC)
//   all stages, date range ......... Inquiry(createdAt DESC, id DESC)
//   mine / unassigned / a person ... Inquiry(assigneeId, createdAt DESC)
// Language and referral source are filters on top of one of these (they are
// not selective enough to deserve an index of their own).
export async function listInquiries(options: {
  filter: InboxFilter;
  viewerId: string;
  timeZone: string;
  limit?: number;
}): Promise<InboxPage> {
  const { after, ...filter } = options.filter;
  return fetchInboxPage({
    where: buildInboxWhere({ filter, viewerId: options.viewerId, timeZone: options.timeZone }),
    stages: filter.stage === "open" ? OPEN_STAGES : undefined,
    after,
    urgency: filter.urgency,
    limit: options.limit ?? INBOX_PAGE_SIZE,
  });
}
