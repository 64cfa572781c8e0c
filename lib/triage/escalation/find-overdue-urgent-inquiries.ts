import "server-only";
import { getDb } from "@/lib/db/client";
import { listClosedDates } from "@/lib/triage/closures/list-closed-dates";
import { responseClock } from "@/lib/triage/clock/response-clock";
import type { TriageSettingsValues } from "@/lib/validations/triage-settings";

export type OverdueInquiry = { id: string; referenceCode: string; receivedAt: Date; overdueMinutes: number };

const MINUTE_MS = 60_000;
const LIMIT = 200;

// Urgent inquiries nobody has tried to contact yet, past the first-contact
// target in business time, and not yet escalated. The database narrows by
// wall-clock time (business minutes never exceed wall-clock minutes, so
// nothing overdue is missed); the response clock decides, closure days
// counting as closed.
export async function findOverdueUrgentInquiries(options: {
  now: Date;
  settings: Pick<TriageSettingsValues, "firstContactTargetMinutes" | "timeZone" | "businessHours">;
}): Promise<OverdueInquiry[]> {
  const { now, settings } = options;
  const closedDates = await listClosedDates();
  const candidates = await getDb().inquiry.findMany({
    where: {
      status: "NEW",
      urgency: "URGENT",
      firstContactAt: null,
      closedAt: null,
      escalatedAt: null,
      anonymisedAt: null,
      createdAt: { lte: new Date(now.getTime() - settings.firstContactTargetMinutes * MINUTE_MS) },
    },
    orderBy: { createdAt: "asc" },
    take: LIMIT,
    select: { id: true, referenceCode: true, createdAt: true },
  });
  return candidates.flatMap((row) => {
    const clock = responseClock({
      receivedAt: row.createdAt,
      firstContactAt: null,
      now,
      targetMinutes: settings.firstContactTargetMinutes,
      timeZone: settings.timeZone,
      hours: settings.businessHours,
      closedDates,
    });
    return clock.state === "overdue" ? [{ id: row.id, referenceCode: row.referenceCode, receivedAt: row.createdAt, overdueMinutes: -clock.minutes }] : [];
  });
}
