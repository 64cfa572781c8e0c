import { formatRelative } from "@/components/staff/inbox/inbox-format";
import { formatMinutes } from "@/lib/triage/clock/format-minutes";
import { isInPreferredWindow } from "@/lib/triage/clock/is-in-preferred-window";
import { zonedDayStart } from "@/lib/triage/clock/zoned-day-start";

describe("zonedDayStart", () => {
  it("is local midnight in the clinic's zone, in winter and in summer", () => {
    expect(zonedDayStart({ date: "2026-01-15", timeZone: "America/New_York" }).toISOString()).toBe("2026-01-15T05:00:00.000Z");
    expect(zonedDayStart({ date: "2026-07-15", timeZone: "America/New_York" }).toISOString()).toBe("2026-07-15T04:00:00.000Z");
    expect(zonedDayStart({ date: "2026-07-15", timeZone: "Asia/Kolkata" }).toISOString()).toBe("2026-07-14T18:30:00.000Z");
  });

  it("makes the days around a daylight-saving change 23 and 25 hours long", () => {
    const length = (date: string) =>
      (zonedDayStart({ date, timeZone: "America/New_York", plusDays: 1 }).getTime() - zonedDayStart({ date, timeZone: "America/New_York" }).getTime()) / 3_600_000;
    expect(length("2026-03-08")).toBe(23);
    expect(length("2026-11-01")).toBe(25);
    expect(length("2026-11-02")).toBe(24);
  });

  it("rolls over months and years with plusDays", () => {
    expect(zonedDayStart({ date: "2026-12-31", timeZone: "UTC", plusDays: 1 }).toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });
});

describe("isInPreferredWindow", () => {
  const zone = "America/New_York";
  // 14:30 in New York (EST, UTC-5).
  const afternoon = new Date("2026-11-26T19:30:00Z");
  it("matches the person's chosen times of day on the clinic's clock", () => {
    expect(isInPreferredWindow({ bestTimes: ["AFTERNOON"], at: afternoon, timeZone: zone })).toBe(true);
    expect(isInPreferredWindow({ bestTimes: ["MORNING", "EVENING"], at: afternoon, timeZone: zone })).toBe(false);
    expect(isInPreferredWindow({ bestTimes: ["EVENING"], at: new Date("2026-11-27T00:59:00Z"), timeZone: zone })).toBe(true);
    expect(isInPreferredWindow({ bestTimes: ["EVENING"], at: new Date("2026-11-27T01:00:00Z"), timeZone: zone })).toBe(false);
  });

  it("treats no preference as any time", () => {
    expect(isInPreferredWindow({ bestTimes: [], at: new Date("2026-11-26T08:00:00Z"), timeZone: zone })).toBe(true);
  });
});

describe("inbox wording", () => {
  it("says how long, briefly", () => {
    expect(formatMinutes(0)).toBe("0 min");
    expect(formatMinutes(59.6)).toBe("1 h");
    expect(formatMinutes(125)).toBe("2 h 05 min");
    expect(formatMinutes(-125)).toBe("2 h 05 min");
    expect(formatMinutes(60 * 47 + 59)).toBe("47 h 59 min");
    expect(formatMinutes(60 * 48)).toBe("2 d");
    expect(formatMinutes(60 * 50)).toBe("2 d 2 h");
    expect(formatMinutes(null)).toBe("–");
  });

  it("says when, relative to now, both ways", () => {
    const now = Date.parse("2026-11-26T12:00:00Z");
    expect(formatRelative(now - 20_000, now)).toBe("just now");
    expect(formatRelative(now - 12 * 60_000, now)).toBe("12 min ago");
    expect(formatRelative(now + 20 * 60_000, now)).toBe("in 20 min");
  });
});
