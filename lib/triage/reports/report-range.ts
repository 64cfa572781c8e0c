import { localDate } from "@/lib/triage/clock/local-date";
import type { ReportRangeInput } from "@/lib/validations/report-range";

// Inquiries received on the clinic's calendar days from..to, both included.
export type ReportRange = { from: string; to: string; timeZone: string };

const DAY_MS = 86_400_000;
const DEFAULT_WEEKS = 12;
const MAX_DAYS = 731;

function shift(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

// Default: the last twelve weeks, Monday to today. The range is put in order
// and kept to two years, which bounds what one page load asks of the database.
export function resolveReportRange(options: { input: ReportRangeInput; timeZone: string; now?: Date }): ReportRange {
  const today = localDate(options.now ?? new Date(), options.timeZone);
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  let from = options.input.from ?? shift(today, -weekday - (DEFAULT_WEEKS - 1) * 7);
  let to = options.input.to ?? today;
  if (from > to) [from, to] = [to, from];
  if (Date.parse(to) - Date.parse(from) > MAX_DAYS * DAY_MS) from = shift(to, -MAX_DAYS);
  return { from, to, timeZone: options.timeZone };
}
