// The instant a calendar day ("2026-11-26") begins in a time zone: the inbox's
// date range is the clinic's days, not UTC's, so "received on the 26th" means
// what the coordinator's wall clock said. Two passes over the zone's offset
// land correctly on days when daylight saving changes.
function offsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - Math.floor(instant / 1000) * 1000;
}

export function zonedDayStart(options: { date: string; timeZone: string; plusDays?: number }): Date {
  const [year = 1970, month = 1, day = 1] = options.date.split("-").map(Number);
  const wall = Date.UTC(year, month - 1, day + (options.plusDays ?? 0));
  const guess = wall - offsetMs(wall, options.timeZone);
  return new Date(wall - offsetMs(guess, options.timeZone));
}
