import { addBusinessMinutes, businessMinutesBetween, type BusinessHours } from "@/lib/triage/clock/business-hours";
import { responseClock } from "@/lib/triage/clock/response-clock";

const NY = "America/New_York";
const WEEKDAYS_9_TO_5: BusinessHours = {
  mon: ["09:00", "17:00"],
  tue: ["09:00", "17:00"],
  wed: ["09:00", "17:00"],
  thu: ["09:00", "17:00"],
  fri: ["09:00", "17:00"],
};
const EVERY_DAY: BusinessHours = {
  sun: ["00:00", "23:59"],
  mon: ["00:00", "23:59"],
  tue: ["00:00", "23:59"],
  wed: ["00:00", "23:59"],
  thu: ["00:00", "23:59"],
  fri: ["00:00", "23:59"],
  sat: ["00:00", "23:59"],
};
const at = (iso: string) => new Date(iso);

describe("business hours with closure days", () => {
  // Monday 5 to Wednesday 7 January 2026, midnight to midnight in New York (UTC-5).
  const monToWed = { from: at("2026-01-05T05:00:00Z"), to: at("2026-01-07T05:00:00Z"), timeZone: NY, hours: WEEKDAYS_9_TO_5 };

  it("gives a weekday closure zero business minutes", () => {
    expect(businessMinutesBetween(monToWed)).toBe(960);
    expect(businessMinutesBetween({ ...monToWed, closedDates: ["2026-01-06"] })).toBe(480);
    expect(businessMinutesBetween({ ...monToWed, closedDates: ["2026-01-05", "2026-01-06"] })).toBe(0);
  });

  it("changes nothing for a closure on a weekend", () => {
    const span = { from: at("2026-01-09T14:00:00Z"), to: at("2026-01-12T20:00:00Z"), timeZone: NY, hours: WEEKDAYS_9_TO_5 };
    const without = businessMinutesBetween(span);
    expect(businessMinutesBetween({ ...span, closedDates: ["2026-01-10", "2026-01-11"] })).toBe(without);
    expect(addBusinessMinutes({ ...span, minutes: 600, closedDates: ["2026-01-10"] })).toEqual(addBusinessMinutes({ ...span, minutes: 600 }));
  });

  it("reads a closure date in the clinic's zone, not UTC's", () => {
    // 20:00 New York on Monday is already Tuesday in UTC; closing Tuesday
    // must not touch Monday's hours.
    const monday = { from: at("2026-01-05T14:00:00Z"), to: at("2026-01-06T01:00:00Z"), timeZone: NY, hours: WEEKDAYS_9_TO_5 };
    expect(businessMinutesBetween({ ...monday, closedDates: ["2026-01-06"] })).toBe(480);
  });

  it("carries a deadline over a closure in the spring-forward week", () => {
    // Friday 6 March 16:55 EST + 5 minutes; Monday 9 March (first EDT
    // weekday) closed; Tuesday 09:10 EDT is 13:10 UTC.
    const due = addBusinessMinutes({ from: at("2026-03-06T21:55:00Z"), minutes: 15, timeZone: NY, hours: WEEKDAYS_9_TO_5, closedDates: ["2026-03-09"] });
    expect(due.toISOString()).toBe("2026-03-10T13:10:00.000Z");
  });

  it("carries a deadline over a closure in the fall-back week", () => {
    // Friday 30 October 16:55 EDT + 5; Monday 2 November closed; Tuesday
    // 09:10 EST is 14:10 UTC.
    const due = addBusinessMinutes({ from: at("2026-10-30T20:55:00Z"), minutes: 15, timeZone: NY, hours: WEEKDAYS_9_TO_5, closedDates: ["2026-11-02"] });
    expect(due.toISOString()).toBe("2026-11-03T14:10:00.000Z");
  });

  it("takes out exactly the 23- or 25-hour day when the changeover day itself is closed", () => {
    // Saturday 7 to Monday 9 March inclusive, and 31 October to 2 November.
    const spring = { from: at("2026-03-07T05:00:00Z"), to: at("2026-03-10T04:00:00Z"), timeZone: NY, hours: EVERY_DAY };
    const autumn = { from: at("2026-10-31T04:00:00Z"), to: at("2026-11-03T05:00:00Z"), timeZone: NY, hours: EVERY_DAY };
    expect(businessMinutesBetween(spring) - businessMinutesBetween({ ...spring, closedDates: ["2026-03-08"] })).toBe(23 * 60 - 1);
    expect(businessMinutesBetween(autumn) - businessMinutesBetween({ ...autumn, closedDates: ["2026-11-01"] })).toBe(25 * 60 - 1);
    expect(businessMinutesBetween({ ...spring, closedDates: ["2026-03-08"] })).toBe(2 * (24 * 60 - 1));
  });

  it("keeps the response clock running, not overdue, through a closure", () => {
    // Arrives Monday 18:00; Tuesday closed; due Wednesday 09:15.
    const options = { receivedAt: at("2026-01-05T23:00:00Z"), firstContactAt: null, targetMinutes: 15, timeZone: NY, hours: WEEKDAYS_9_TO_5 };
    const tuesdayNoon = at("2026-01-06T17:00:00Z");
    expect(responseClock({ ...options, now: tuesdayNoon }).state).toBe("overdue");
    const closed = responseClock({ ...options, now: tuesdayNoon, closedDates: ["2026-01-06"] });
    expect(closed).toMatchObject({ state: "running", minutes: 15 });
    expect(closed.deadline.toISOString()).toBe("2026-01-07T14:15:00.000Z");
  });
});
