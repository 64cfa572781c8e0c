// The calendar date ("YYYY-MM-DD") an instant falls on in a time zone: the
// clinic's days, weeks and report ranges are its own, not UTC's.
export function localDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}
