import Holidays from "date-holidays";

export type PublicHoliday = { date: string; name: string };

// The public holidays (not observances or bank-only days) of a country and
// optional state, from the maintained date-holidays calendar, between two
// calendar dates inclusive. Two holidays on one date become one entry.
export function publicHolidays(options: { country: string; state?: string; first: string; last: string }): PublicHoliday[] {
  const calendar = options.state ? new Holidays(options.country, options.state) : new Holidays(options.country);
  const byDate = new Map<string, string[]>();
  const firstYear = Number(options.first.slice(0, 4));
  const lastYear = Number(options.last.slice(0, 4));
  for (let year = firstYear; year <= lastYear; year += 1) {
    for (const holiday of calendar.getHolidays(year, "en") || []) {
      const date = holiday.date.slice(0, 10);
      if (holiday.type !== "public" || date < options.first || date > options.last) continue;
      byDate.set(date, [...(byDate.get(date) ?? []), holiday.name]);
    }
  }
  return [...byDate.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, names]) => ({ date, name: names.join(" / ") }));
}

export function holidayCountries(): Record<string, string> {
  return new Holidays().getCountries("en");
}

export function holidayStates(country: string): Record<string, string> {
  return new Holidays().getStates(country, "en") ?? {};
}
