import { instantFromWallTime } from "@/lib/triage/clock/instant-from-wall-time";

const NY = "America/New_York";
const at = (wall: string, zone = NY) => instantFromWallTime(wall, zone)?.toISOString();

it("reads a follow-up time on the clinic's clocks, winter and summer", () => {
  expect(at("2026-12-01T10:30")).toBe("2026-12-01T15:30:00.000Z");
  expect(at("2026-07-01T10:30")).toBe("2026-07-01T14:30:00.000Z");
  expect(at("2026-07-01T10:30", "Europe/Madrid")).toBe("2026-07-01T08:30:00.000Z");
});

it("moves a time in the skipped spring hour past the gap, and takes the first of a repeated autumn hour", () => {
  expect(at("2026-03-08T01:30")).toBe("2026-03-08T06:30:00.000Z");
  expect(at("2026-03-08T02:30")).toBe("2026-03-08T07:30:00.000Z");
  expect(at("2026-03-08T03:30")).toBe("2026-03-08T07:30:00.000Z");
  expect(at("2026-11-01T01:30")).toBe("2026-11-01T05:30:00.000Z");
  expect(at("2026-11-01T02:30")).toBe("2026-11-01T07:30:00.000Z");
});

it("refuses dates that do not exist and anything but YYYY-MM-DDTHH:MM", () => {
  for (const wall of ["2026-02-30T10:00", "2026-11-31T10:00", "2026-12-01T24:00", "2026-12-01T10:60", "2026-12-01 10:30", "", "2026-12-01T10:30:00"]) {
    expect(instantFromWallTime(wall, NY)).toBeNull();
  }
});
