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
const at = (iso: string) => new Date(iso);

describe("business hours", () => {
  it("counts every minute when no hours are configured (24/7 intake)", () => {
    expect(businessMinutesBetween({ from: at("2026-01-02T23:00:00Z"), to: at("2026-01-03T01:30:00Z"), timeZone: NY, hours: {} })).toBe(150);
  });

  it("counts only the open part of a day, in the clinic's zone", () => {
    // 08:00 to 18:00 New York time on a Monday in winter (UTC-5).
    expect(businessMinutesBetween({ from: at("2026-01-05T13:00:00Z"), to: at("2026-01-05T23:00:00Z"), timeZone: NY, hours: WEEKDAYS_9_TO_5 })).toBe(480);
  });

  it("carries a Friday-evening arrival over the weekend", () => {
    const due = addBusinessMinutes({ from: at("2026-01-09T21:55:00Z"), minutes: 15, timeZone: NY, hours: WEEKDAYS_9_TO_5 });
    // Friday 16:55 EST + 5 minutes, then Monday 09:00 + 10 minutes.
    expect(due.toISOString()).toBe("2026-01-12T14:10:00.000Z");
  });

  it("follows the spring-forward change: Monday 09:05 is 13:05 UTC after it, not 14:05", () => {
    const due = addBusinessMinutes({ from: at("2026-03-06T21:50:00Z"), minutes: 15, timeZone: NY, hours: WEEKDAYS_9_TO_5 });
    expect(due.toISOString()).toBe("2026-03-09T13:05:00.000Z");
  });

  it("follows the fall-back change", () => {
    const due = addBusinessMinutes({ from: at("2026-10-30T20:55:00Z"), minutes: 15, timeZone: NY, hours: WEEKDAYS_9_TO_5 });
    // Friday 16:55 EDT (UTC-4) + 5, then Monday 09:10 EST (UTC-5).
    expect(due.toISOString()).toBe("2026-11-02T14:10:00.000Z");
  });

  it("has a 23-hour day when the clocks go forward and a 25-hour day when they go back", () => {
    const allDay: BusinessHours = { sun: ["00:00", "23:59"] };
    const spring = businessMinutesBetween({ from: at("2026-03-08T00:00:00Z"), to: at("2026-03-10T00:00:00Z"), timeZone: NY, hours: allDay });
    const autumn = businessMinutesBetween({ from: at("2026-11-01T00:00:00Z"), to: at("2026-11-03T00:00:00Z"), timeZone: NY, hours: allDay });
    expect(spring).toBe(24 * 60 - 1 - 60);
    expect(autumn).toBe(24 * 60 - 1 + 60);
  });

  it("works in zones east of UTC too", () => {
    const due = addBusinessMinutes({ from: at("2026-07-03T14:55:00Z"), minutes: 15, timeZone: "Europe/Madrid", hours: WEEKDAYS_9_TO_5 });
    // Friday 16:55 CEST + 5, then Monday 09:10 CEST (UTC+2).
    expect(due.toISOString()).toBe("2026-07-06T07:10:00.000Z");
  });
});

describe("responseClock", () => {
  const base = { targetMinutes: 15, timeZone: NY, hours: WEEKDAYS_9_TO_5, receivedAt: at("2026-01-05T15:00:00Z") };

  it("runs, then is overdue, while nobody has made contact", () => {
    expect(responseClock({ ...base, firstContactAt: null, now: at("2026-01-05T15:05:00Z") })).toMatchObject({ state: "running", minutes: 10 });
    expect(responseClock({ ...base, firstContactAt: null, now: at("2026-01-05T15:40:00Z") })).toMatchObject({ state: "overdue", minutes: -25 });
  });

  it("is met or missed once someone has tried", () => {
    expect(responseClock({ ...base, firstContactAt: at("2026-01-05T15:12:00Z"), now: at("2026-01-06T00:00:00Z") })).toMatchObject({ state: "met", minutes: 12 });
    expect(responseClock({ ...base, firstContactAt: at("2026-01-05T15:20:00Z"), now: at("2026-01-06T00:00:00Z") })).toMatchObject({ state: "missed", minutes: 20 });
  });

  it("does not count the night as waiting", () => {
    const evening = { ...base, receivedAt: at("2026-01-05T23:00:00Z") };
    expect(responseClock({ ...evening, firstContactAt: null, now: at("2026-01-06T06:00:00Z") })).toMatchObject({ state: "running", minutes: 15 });
  });
});
