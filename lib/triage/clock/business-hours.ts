import { zoneOffsetMs } from "@/lib/triage/clock/zone-offset";

// Business hours in a named time zone, and arithmetic over them. Wall-clock
// times are turned into instants with the zone's offset on that very day, so
// daylight-saving changes (a 23- or 25-hour day) come out right.

export const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
export type Weekday = (typeof WEEKDAYS)[number];
// "HH:MM" opening and closing time per weekday; a missing day is closed.
export type BusinessHours = Partial<Record<Weekday, readonly [string, string]>>;
// Calendar dates ("YYYY-MM-DD", in the clinic's zone) the clinic is closed on
// whatever the weekday says: holidays, training days.
export type ClosedDates = readonly string[];

type LocalDate = { year: number; month: number; day: number };

const MINUTE = 60_000;
const MAX_DAYS = 400;

function localDateOf(instant: number, timeZone: string): LocalDate {
  const shifted = new Date(instant + zoneOffsetMs(instant, timeZone));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

// The instant at which the zone's clocks show this date and time. (A time
// inside the hour skipped by a spring-forward change has no such instant;
// the result then falls an hour early, which business hours never hit.)
function instantAt(date: LocalDate, time: string, timeZone: string): number {
  const [hours = 0, minutes = 0] = time.split(":").map(Number);
  const wall = Date.UTC(date.year, date.month - 1, date.day, hours, minutes);
  const first = wall - zoneOffsetMs(wall, timeZone);
  return wall - zoneOffsetMs(first, timeZone);
}

function nextDate(date: LocalDate): LocalDate {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

function isoOf(date: LocalDate): string {
  return `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
}

function windowOn(date: LocalDate, hours: BusinessHours, timeZone: string, closed: ReadonlySet<string>): [number, number] | null {
  if (closed.has(isoOf(date))) return null;
  const weekday = WEEKDAYS[new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()] ?? "sun";
  const span = hours[weekday];
  if (!span) return null;
  const open = instantAt(date, span[0], timeZone);
  const close = instantAt(date, span[1], timeZone);
  return close > open ? [open, close] : null;
}

function isAlwaysClosed(hours: BusinessHours): boolean {
  return WEEKDAYS.every((day) => !hours[day]);
}

// Minutes of business time between two instants (0 if `to` is not later).
// With no business hours configured at all, every minute counts (closures
// included: a clinic that never closes has no business day to take away).
export function businessMinutesBetween(options: { from: Date; to: Date; timeZone: string; hours: BusinessHours; closedDates?: ClosedDates }): number {
  const from = options.from.getTime();
  const to = options.to.getTime();
  if (to <= from) return 0;
  if (isAlwaysClosed(options.hours)) return (to - from) / MINUTE;
  const closed = new Set(options.closedDates ?? []);
  let total = 0;
  let date = localDateOf(from, options.timeZone);
  for (let i = 0; i < MAX_DAYS * 10; i += 1) {
    const window = windowOn(date, options.hours, options.timeZone, closed);
    if (window) {
      const start = Math.max(window[0], from);
      const end = Math.min(window[1], to);
      if (end > start) total += end - start;
      if (window[0] >= to) break;
    } else if (instantAt(date, "00:00", options.timeZone) >= to) {
      break;
    }
    date = nextDate(date);
  }
  return total / MINUTE;
}

// The instant `minutes` of business time after `from`.
export function addBusinessMinutes(options: { from: Date; minutes: number; timeZone: string; hours: BusinessHours; closedDates?: ClosedDates }): Date {
  const from = options.from.getTime();
  if (isAlwaysClosed(options.hours)) return new Date(from + options.minutes * MINUTE);
  const closed = new Set(options.closedDates ?? []);
  let remaining = options.minutes * MINUTE;
  let date = localDateOf(from, options.timeZone);
  for (let i = 0; i < MAX_DAYS; i += 1) {
    const window = windowOn(date, options.hours, options.timeZone, closed);
    if (window && window[1] > from) {
      const start = Math.max(window[0], from);
      const available = window[1] - start;
      if (remaining <= available) return new Date(start + remaining);
      remaining -= available;
    }
    date = nextDate(date);
  }
  return new Date(from + options.minutes * MINUTE);
}
