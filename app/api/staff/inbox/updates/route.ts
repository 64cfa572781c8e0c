import { type NextRequest, NextResponse } from "next/server";
import { checkStaffAccess } from "@/lib/auth/require-staff";
import { buildInboxWhere } from "@/lib/triage/inbox/build-inbox-where";
import { countNewInquiries } from "@/lib/triage/inbox/count-new-inquiries";
import { getTriageSettings } from "@/lib/triage/settings/triage-settings";
import { InboxFilterSchema } from "@/lib/validations/inbox-filter";

// GET /api/staff/inbox/updates?since=<ms>&<the inbox's filters>: how many
// inquiries in that view arrived since the page was rendered. Polled by the
// open inbox (components/staff/inbox/LiveArrivals.tsx).
//
// touch: false — polling is not activity: a screen left open on the inbox
// must still sign out after the idle timeout.
// Counts only (no reference codes, no ids): a poll is not a view of a record.
// `since` is clamped to the longest session, so a crafted value cannot turn a
// poll into a count over the whole table.
const LONGEST_LOOKBACK_MS = 13 * 60 * 60 * 1000;

export async function GET(request: NextRequest) {
  const access = await checkStaffAccess({ touch: false });
  if (!access.ok) return NextResponse.json({ error: access.reason }, { status: access.reason === "forbidden" ? 403 : 401, headers: noStore });
  const params = request.nextUrl.searchParams;
  const sinceMs = Number(params.get("since"));
  if (!Number.isSafeInteger(sinceMs) || sinceMs <= 0) return NextResponse.json({ error: "since" }, { status: 400, headers: noStore });
  const filter = InboxFilterSchema.parse(Object.fromEntries(params));
  const settings = await getTriageSettings();
  const counts = await countNewInquiries({
    where: buildInboxWhere({ filter, viewerId: access.staff.user.id, timeZone: settings.timeZone }),
    since: new Date(Math.max(sinceMs, Date.now() - LONGEST_LOOKBACK_MS)),
  });
  return NextResponse.json(counts, { headers: noStore });
}

const noStore = { "Cache-Control": "no-store" };
