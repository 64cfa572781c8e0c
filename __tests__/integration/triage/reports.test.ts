import type { Client } from "pg";
import { countFunnel } from "@/lib/triage/reports/count-funnel";
import { countInquiriesPerWeek } from "@/lib/triage/reports/count-inquiries-per-week";
import { measureConversion } from "@/lib/triage/reports/measure-conversion";
import { measureFirstContact } from "@/lib/triage/reports/measure-first-contact";
import { resolveReportRange, type ReportRange } from "@/lib/triage/reports/report-range";
import { insertOperationalInquiry } from "@/__tests__/support/triage-admin-fixtures";
import { provideTestDatabaseClient } from "@/__tests__/support/test-database-client";

// Issue 5's reports on a small seeded dataset whose figures are worked out
// by hand below. Clinic: New York (EST, UTC-5, in November 2026), open
// Monday to Friday 09:00-17:00, first-contact target 15 business minutes.
const database = provideTestDatabaseClient({ environment: { MAIL_SINK_DIR: "/tmp/iop-reports-test-mail" } });
let sql: Client;
const range: ReportRange = { from: "2026-11-02", to: "2026-11-15", timeZone: "America/New_York" };
const settings = { firstContactTargetMinutes: 15, businessHours: { mon: ["09:00", "17:00"], tue: ["09:00", "17:00"], wed: ["09:00", "17:00"], thu: ["09:00", "17:00"], fri: ["09:00", "17:00"] } } as const;
const ny = (local: string) => new Date(`${local}-05:00`);

beforeAll(async () => {
  sql = database.sql;
  const add = (facts: Parameters<typeof insertOperationalInquiry>[1]) => insertOperationalInquiry(sql, facts);
  // A: Mon 10:00, contacted 10:10 (10 business, 10 wall). Admitted.
  const a = await add({ createdAt: ny("2026-11-02T10:00"), firstContactAt: ny("2026-11-02T10:10"), status: "ADMITTED", closedAt: ny("2026-11-20T10:00"), source: "SEARCH", language: "en" });
  // B: Mon 16:55, contacted Tue 09:05 (5 + 5 = 10 business, 970 wall). Screening scheduled.
  await add({ createdAt: ny("2026-11-02T16:55"), firstContactAt: ny("2026-11-03T09:05"), status: "SCREENING_SCHEDULED", source: "SEARCH", language: "es" });
  // C: Wed 08:00 (before opening), contacted 09:20 (20 business, 80 wall); reached, then not a fit.
  const c = await add({ createdAt: ny("2026-11-04T08:00"), firstContactAt: ny("2026-11-04T09:20"), status: "NOT_A_FIT", closedAt: ny("2026-11-05T12:00"), source: "FRIEND_OR_FAMILY", language: "en" });
  // D: Fri 16:50, urgent, contacted Mon 09:30 (10 + 30 = 40 business, 3880 wall). Reached; no source given.
  await add({ createdAt: ny("2026-11-06T16:50"), firstContactAt: ny("2026-11-09T09:30"), status: "REACHED", urgent: true, source: null, language: "en" });
  // E: Tue 11:00, urgent, never contacted, still new: long past the target.
  await add({ createdAt: ny("2026-11-10T11:00"), status: "NEW", urgent: true, source: "SEARCH", language: "es" });
  // F: Thu 12:00, withdrew at 12:05 before any contact (5 business): counted neither way.
  await add({ createdAt: ny("2026-11-12T12:00"), status: "WITHDREW", closedAt: ny("2026-11-12T12:05"), source: "FRIEND_OR_FAMILY", language: "en" });
  // G: Sat 10:00, contacted 10:30 (0 business: closed on Saturdays; 30 wall), no answer.
  const g = await add({ createdAt: ny("2026-11-14T10:00"), firstContactAt: ny("2026-11-14T10:30"), status: "CONTACT_ATTEMPTED", source: "SEARCH", language: "en" });
  // Outside the range: Sun 1 Nov 23:30 in New York (already 2 Nov in UTC), and Mon 16 Nov.
  await add({ createdAt: ny("2026-11-01T23:30"), firstContactAt: ny("2026-11-02T09:00"), status: "ADMITTED", source: "SEARCH" });
  await add({ createdAt: ny("2026-11-16T10:00"), status: "NEW", source: "EMPLOYER" });
  const attempt = (id: string, outcome: string) => sql.query(`INSERT INTO "ContactAttempt" ("inquiryId", "channel", "outcome") VALUES ($1, 'CALL', $2)`, [id, outcome]);
  await attempt(a, "REACHED");
  await attempt(c, "NO_ANSWER");
  await attempt(c, "REACHED");
  await attempt(g, "NO_ANSWER");
});

it("counts inquiries per week (Monday to Sunday in the clinic's zone), with the urgent ones", async () => {
  expect(await countInquiriesPerWeek(range)).toEqual([
    { weekStart: "2026-11-02", total: 4, urgent: 1 },
    { weekStart: "2026-11-09", total: 3, urgent: 1 },
  ]);
});

it("lists empty weeks too", async () => {
  expect(await countInquiriesPerWeek({ ...range, from: "2026-10-19", to: "2026-11-08" })).toEqual([
    { weekStart: "2026-10-19", total: 0, urgent: 0 },
    { weekStart: "2026-10-26", total: 1, urgent: 0 },
    { weekStart: "2026-11-02", total: 4, urgent: 1 },
  ]);
});

it("measures time to first contact in business minutes (and wall-clock), with continuous percentiles and the share within target", async () => {
  // Contacted: A 10, B 10, C 20, D 40, G 0 business minutes → [0, 10, 10, 20, 40]:
  // median 10; 90th percentile at rank 0.9 × 4 = 3.6 → 20 + 0.6 × (40 − 20) = 32.
  // Wall clock: [10, 30, 80, 970, 3880] → median 80; 970 + 0.6 × 2910 = 2716.
  // Within 15: A, B, G. Past it: C, D, and E (never contacted). F: neither.
  expect(await measureFirstContact({ range, settings })).toEqual({
    targetMinutes: 15,
    contacted: 5,
    withinTarget: 3,
    pastTarget: 3,
    undecided: 1,
    medianBusinessMinutes: 10,
    p90BusinessMinutes: 32,
    medianWallMinutes: 80,
    p90WallMinutes: 2716,
  });
});

it("counts an uncontacted inquiry as undecided while its target is still running", async () => {
  // E at 11:00 on Tuesday: at 11:10 the clock has run 10 of its 15 minutes.
  const figures = await measureFirstContact({ range, settings, now: ny("2026-11-10T11:10") });
  expect(figures).toMatchObject({ withinTarget: 3, pastTarget: 2, undecided: 2 });
});

it("counts every minute when no business hours are set", async () => {
  const figures = await measureFirstContact({ range, settings: { ...settings, businessHours: {} } });
  expect(figures).toMatchObject({ medianBusinessMinutes: 80, p90BusinessMinutes: 2716, withinTarget: 1 });
});

it("builds the funnel from facts that survive closing: attempts, reached attempts, stages", async () => {
  // Received 7. Attempted: A, B, C, D, G. Reached: A, B (later stages), C (a
  // reached attempt, then closed), D. Screening scheduled: A, B. Admitted: A.
  const funnel = await countFunnel(range);
  expect(funnel.reached).toEqual([
    { stage: "NEW", count: 7 },
    { stage: "CONTACT_ATTEMPTED", count: 5 },
    { stage: "REACHED", count: 4 },
    { stage: "SCREENING_SCHEDULED", count: 2 },
    { stage: "ADMITTED", count: 1 },
  ]);
  expect(Object.fromEntries(funnel.current.map((row) => [row.stage, row.count]))).toEqual({
    ADMITTED: 1,
    SCREENING_SCHEDULED: 1,
    NOT_A_FIT: 1,
    REACHED: 1,
    NEW: 1,
    WITHDREW: 1,
    CONTACT_ATTEMPTED: 1,
  });
});

it("measures conversion by referral source and by language, open ones counted apart", async () => {
  expect(await measureConversion({ range, by: "source" })).toEqual([
    { key: "SEARCH", received: 4, admitted: 1, open: 3 },
    { key: "FRIEND_OR_FAMILY", received: 2, admitted: 0, open: 0 },
    { key: null, received: 1, admitted: 0, open: 1 },
  ]);
  expect(await measureConversion({ range, by: "language" })).toEqual([
    { key: "en", received: 5, admitted: 1, open: 2 },
    { key: "es", received: 2, admitted: 0, open: 2 },
  ]);
});

it("defaults to the last twelve weeks, Monday to today, in the clinic's zone, and keeps ranges in order and under two years", () => {
  // Tuesday 3 March 2026, 01:00 UTC is still Monday 2 March in New York.
  const now = new Date("2026-03-03T01:00:00Z");
  expect(resolveReportRange({ input: {}, timeZone: "America/New_York", now })).toEqual({ from: "2025-12-15", to: "2026-03-02", timeZone: "America/New_York" });
  expect(resolveReportRange({ input: { from: "2026-02-01", to: "2026-01-01" }, timeZone: "UTC", now })).toMatchObject({ from: "2026-01-01", to: "2026-02-01" });
  expect(resolveReportRange({ input: { from: "2020-01-01", to: "2026-01-01" }, timeZone: "UTC", now })).toMatchObject({ from: "2024-01-01", to: "2026-01-01" });
});
