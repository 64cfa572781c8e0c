import { zoneOffsetMs } from "@/lib/triage/clock/zone-offset";

// The instant a calendar day ("2026-11-26") begins in a time zone: the inbox's
// date range is the clinic's days, not UTC's, so "received on the 26th" means
// what the coordinator's wall clock said. Two passes over the zone's offset
// land correctly on days when daylight saving changes.
export function zonedDayStart(options: { date: string; timeZone: string; plusDays?: number }): Date {
  const [year = 1970, month = 1, day = 1] = options.date.split("-").map(Number);
  const wall = Date.UTC(year, month - 1, day + (options.plusDays ?? 0));
  const guess = wall - zoneOffsetMs(wall, options.timeZone);
  return new Date(wall - zoneOffsetMs(guess, options.timeZone));
}
