import type { Metadata } from "next";
import Link from "next/link";
import { addHolidaysAction, closureDayAction } from "@/app/staff/(signed-in)/admin/settings/closures/actions";
import { ActionForm } from "@/app/staff/(signed-in)/admin/settings/ActionForm";
import { TableScroll } from "@/components/staff/TableScroll";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { localDate } from "@/lib/triage/clock/local-date";
import { listClosureDays } from "@/lib/triage/closures/list-closed-dates";
import { holidayCountries, holidayStates, publicHolidays } from "@/lib/triage/closures/public-holidays";
import { getTriageSettings } from "@/lib/triage/settings/triage-settings";
import { HolidayChoiceSchema } from "@/lib/validations/closure-day";
import "../settings.css";

export const metadata: Metadata = { title: "Closure days" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const weekdayOf = (date: string) => new Date(`${date}T12:00:00Z`).toLocaleDateString("en-US", { weekday: "long", timeZone: "UTC" });

// One year on from a calendar date ("2026-12-06" → "2027-12-05").
function aYearOn(date: string): string {
  const [year = 1970, month = 1, day = 1] = date.split("-").map(Number);
  return new Date(Date.UTC(year + 1, month - 1, day - 1)).toISOString().slice(0, 10);
}

// Holidays and other days the clinic is closed: no business time passes on
// them, for the response clock, escalations and reports alike. The holiday
// preview is a plain GET form (country and region are no one's personal
// data), so it works without JavaScript.
export default async function ClosuresPage({ searchParams }: Props) {
  await requireStaffPage({ role: "admin" });
  const [settings, closures, query] = await Promise.all([getTriageSettings(), listClosureDays(), searchParams]);
  const choice = HolidayChoiceSchema.safeParse({ country: query.country ?? "US", state: query.state ?? "" });
  const countries = holidayCountries();
  const country = choice.success && countries[choice.data.country] ? choice.data.country : "US";
  const states = holidayStates(country);
  const state = choice.success && states[choice.data.state] ? choice.data.state : "";
  const today = localDate(new Date(), settings.timeZone);
  const holidays = publicHolidays({ country, state, first: today, last: aYearOn(today) });
  const closed = new Set(closures.map((closure) => closure.date));

  return (
    <>
      <p>
        <Link href="/staff/admin/settings">Back to settings</Link>
      </p>
      <h1>Closure days</h1>
      <p>
        On these dates (in the clinic&apos;s time zone, {settings.timeZone}) the clinic is closed whatever its usual hours: the first-contact clock
        stands still, nothing is escalated, and reports do not count the time.
      </p>

      <section aria-labelledby="closures-heading">
        <h2 id="closures-heading">Closure days</h2>
        {closures.length === 0 ? (
          <p>No closure days yet.</p>
        ) : (
          <TableScroll label="Closure days">
            <table>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Day</th>
                  <th scope="col">Label</th>
                  <th scope="col">Remove</th>
                </tr>
              </thead>
              <tbody>
                {closures.map((closure) => (
                  <tr key={closure.date}>
                    <th scope="row">{closure.date}</th>
                    <td>{weekdayOf(closure.date)}</td>
                    <td>{closure.label ?? ""}</td>
                    <td>
                      <ActionForm action={closureDayAction} submitLabel={`Remove ${closure.date}`} label={`Remove closure on ${closure.date}`} danger>
                        <input type="hidden" name="command" value="remove" />
                        <input type="hidden" name="date" value={closure.date} />
                      </ActionForm>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section aria-labelledby="add-closure-heading">
        <h2 id="add-closure-heading">Add a closure day</h2>
        <ActionForm action={closureDayAction} submitLabel="Add closure day" label="Add a closure day">
          <input type="hidden" name="command" value="add" />
          <label htmlFor="closure-date">Date</label>
          <input id="closure-date" name="date" type="date" required className="settings-date" />
          <label htmlFor="closure-label">Label (optional)</label>
          <input id="closure-label" name="label" type="text" maxLength={80} placeholder="Staff training" />
        </ActionForm>
      </section>

      <section aria-labelledby="holidays-heading">
        <h2 id="holidays-heading">Public holidays</h2>
        <p>From the date-holidays calendar. Choose the country and, if it matters, the state or region, then the holidays the clinic closes on.</p>
        <form method="get" className="settings-inline" aria-label="Holiday calendar">
          <label htmlFor="holiday-country">Country</label>
          <select id="holiday-country" name="country" defaultValue={country}>
            {Object.entries(countries).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
          <label htmlFor="holiday-state">State or region</label>
          <select id="holiday-state" name="state" defaultValue={state}>
            <option value="">Whole country</option>
            {Object.entries(states).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
          <button className="button-secondary" type="submit">
            Show holidays
          </button>
        </form>
        <p className="note">After changing the country, show its holidays once to choose among its states or regions.</p>
        <h3>
          {countries[country]}
          {state ? `, ${states[state]}` : ""}: {today} to {aYearOn(today)}
        </h3>
        {holidays.length === 0 ? (
          <p>No public holidays in the coming year.</p>
        ) : (
          <ActionForm action={addHolidaysAction} submitLabel="Add chosen holidays" label="Add public holidays">
            <input type="hidden" name="country" value={country} />
            <input type="hidden" name="state" value={state} />
            <fieldset className="settings-holidays">
              <legend>Public holidays</legend>
              {holidays.map((holiday) => (
                <span className="settings-check" key={holiday.date}>
                  <input id={`holiday-${holiday.date}`} name="dates" type="checkbox" value={holiday.date} defaultChecked={!closed.has(holiday.date)} disabled={closed.has(holiday.date)} />
                  <label htmlFor={`holiday-${holiday.date}`}>
                    {holiday.date} ({weekdayOf(holiday.date)}): {holiday.name}
                    {closed.has(holiday.date) ? " (already closed)" : ""}
                  </label>
                </span>
              ))}
            </fieldset>
          </ActionForm>
        )}
      </section>
    </>
  );
}
