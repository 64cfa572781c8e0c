import "server-only";
import { getDb } from "@/lib/db/client";
import type { ClosedDates } from "@/lib/triage/clock/business-hours";

export type ClosureDayRow = { date: string; label: string | null };

// A DATE column arrives as midnight UTC of that calendar date.
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// Every closure day, oldest first. The table holds a few dozen rows a year,
// so the response clock takes them all rather than guessing a window.
export async function listClosureDays(): Promise<ClosureDayRow[]> {
  const rows = await getDb().closureDay.findMany({ orderBy: { date: "asc" }, select: { date: true, label: true } });
  return rows.map((row) => ({ date: isoDate(row.date), label: row.label }));
}

export async function listClosedDates(): Promise<ClosedDates> {
  return (await listClosureDays()).map((row) => row.date);
}
