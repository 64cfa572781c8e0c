import "server-only";
import { getDb } from "@/lib/db/client";
import { INBOX_ROW_SELECT, type InboxRow } from "@/lib/triage/inbox/inbox-row";
import { zonedDayStart } from "@/lib/triage/clock/zoned-day-start";
import { OPEN_STAGES } from "@/lib/validations/inbox-filter";

export const DUE_LIST_LIMIT = 200;

export type DueFollowUp = InboxRow & { nextFollowUpAt: Date };

// Call-backs to make: open inquiries whose next follow-up is due by the end of
// the clinic's day, most overdue first. A range on Inquiry(nextFollowUpAt)
// that stays small: closing an inquiry clears its follow-up
// (lib/triage/pipeline/change-inquiry-stage.ts), so only live call-backs are in it.
export async function listDueFollowUps(options: { now: Date; timeZone: string; assigneeId?: string }): Promise<{ rows: DueFollowUp[]; more: boolean }> {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: options.timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(options.now);
  const found = await getDb().inquiry.findMany({
    where: {
      nextFollowUpAt: { lt: zonedDayStart({ date: today, timeZone: options.timeZone, plusDays: 1 }) },
      status: { in: [...OPEN_STAGES] },
      anonymisedAt: null,
      ...(options.assigneeId ? { assigneeId: options.assigneeId } : {}),
    },
    orderBy: [{ nextFollowUpAt: "asc" }, { id: "asc" }],
    take: DUE_LIST_LIMIT + 1,
    select: INBOX_ROW_SELECT,
  });
  const rows = found.flatMap((row) => (row.nextFollowUpAt ? [{ ...row, nextFollowUpAt: row.nextFollowUpAt }] : []));
  return { rows: rows.slice(0, DUE_LIST_LIMIT), more: rows.length > DUE_LIST_LIMIT };
}
