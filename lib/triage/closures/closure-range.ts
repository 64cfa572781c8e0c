import { localDate } from "@/lib/triage/clock/local-date";

// Closures an admin may enter: from a year back (to correct the record a
// report measures) to three years ahead. Anything further is a typo.
export function closureRange(now: Date, timeZone: string): { first: string; last: string } {
  const today = localDate(now, timeZone);
  const year = Number(today.slice(0, 4));
  const monthDay = today.endsWith("-02-29") ? "-02-28" : today.slice(4);
  return { first: `${year - 1}${monthDay}`, last: `${year + 3}${monthDay}` };
}
