import type { Client } from "pg";
import { businessMinutesBetween, type BusinessHours } from "@/lib/triage/clock/business-hours";
import { localDate } from "@/lib/triage/clock/local-date";
import { measureFirstContact } from "@/lib/triage/reports/measure-first-contact";
import { insertOperationalInquiry } from "@/__tests__/support/triage-admin-fixtures";
import { provideTestDatabaseClient } from "@/__tests__/support/test-database-client";

// The reports compute business minutes in SQL; the response clock in
// TypeScript (lib/triage/clock/business-hours.ts). They must agree, also across
// weekends and daylight-saving changes. One inquiry per clinic day, so a
// one-day range's median is that inquiry's business minutes.
const database = provideTestDatabaseClient({ environment: { MAIL_SINK_DIR: "/tmp/iop-reports-bm-test-mail" } });
let sql: Client;

beforeAll(() => {
  sql = database.sql;
});

// Deterministic pseudo-random numbers (a linear congruential generator), so
// a failure can be reproduced.
function randomSource(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const HOURS: BusinessHours = { mon: ["08:30", "17:00"], tue: ["08:30", "17:00"], wed: ["12:00", "20:00"], thu: ["08:30", "17:00"], fri: ["08:30", "16:00"], sat: ["10:00", "13:00"] };

it.each([
  ["America/New_York", "2026-03-01T05:00:00Z", 1],
  ["America/New_York", "2026-10-26T04:00:00Z", 2],
  ["Europe/Madrid", "2026-03-24T23:00:00Z", 3],
  ["Australia/Sydney", "2026-03-31T13:00:00Z", 4],
])("agrees with the response clock in %s around a daylight-saving change", async (timeZone, start, seed) => {
  const random = randomSource(seed);
  const cases: { day: string; from: Date; to: Date }[] = [];
  for (let day = 0; day < 14; day += 1) {
    // Midday of the day-th day, give or take 11 hours, stays on that local day.
    const from = new Date(Date.parse(start) + day * 86_400_000 + 12 * 3_600_000 + Math.floor((random() - 0.5) * 22 * 60) * 60_000);
    const to = new Date(from.getTime() + Math.floor(random() * 4 * 24 * 60) * 60_000);
    cases.push({ day: localDate(from, timeZone), from, to });
    await insertOperationalInquiry(sql, { createdAt: from, firstContactAt: to, status: "CONTACT_ATTEMPTED" });
  }
  expect(new Set(cases.map((c) => c.day)).size).toBe(cases.length);
  for (const c of cases) {
    const figures = await measureFirstContact({
      range: { from: c.day, to: c.day, timeZone },
      settings: { firstContactTargetMinutes: 15, businessHours: HOURS },
    });
    expect(figures.contacted).toBe(1);
    expect(figures.medianBusinessMinutes).toBeCloseTo(businessMinutesBetween({ from: c.from, to: c.to, timeZone, hours: HOURS }), 6);
  }
  await sql.query(`DELETE FROM "Inquiry"`);
});
