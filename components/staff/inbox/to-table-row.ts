import { formatExact } from "@/components/staff/inbox/inbox-format";
import type { InboxTableRow } from "@/components/staff/inbox/inbox-types";
import type { InboxRow } from "@/lib/triage/inbox/inbox-row";
import { OPEN_STAGES } from "@/lib/validations/inbox-filter";

const OPEN: ReadonlySet<string> = new Set(OPEN_STAGES);

export function toTableRow(row: InboxRow, context: { timeZone: string; staffNames: Readonly<Record<string, string>> }): InboxTableRow {
  return {
    id: row.id,
    referenceCode: row.referenceCode,
    receivedAt: row.createdAt.toISOString(),
    receivedExact: formatExact(row.createdAt, context.timeZone),
    urgent: row.urgency === "URGENT",
    stage: row.status,
    open: OPEN.has(row.status),
    assigneeName: row.assigneeId ? (context.staffNames[row.assigneeId] ?? "Former staff member") : null,
    language: row.preferredLanguage,
    bestTimes: row.bestTimes,
    firstContactAt: row.firstContactAt?.toISOString() ?? null,
    possibleDuplicate: row.duplicateState === "FLAGGED",
    underChallenge: row.submittedUnderChallenge,
    channel: row.channel,
  };
}
