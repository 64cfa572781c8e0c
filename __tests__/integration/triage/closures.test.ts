import type { Client } from "pg";
import { businessMinutesBetween } from "@/lib/triage/clock/business-hours";
import { publicHolidays } from "@/lib/triage/closures/public-holidays";
import { addPublicHolidays, saveClosureDay } from "@/lib/triage/closures/save-closure-day";
import { findOverdueUrgentInquiries } from "@/lib/triage/escalation/find-overdue-urgent-inquiries";
import { queueOverdueEscalations } from "@/lib/triage/escalation/queue-overdue-escalations";
import { measureFirstContact } from "@/lib/triage/reports/measure-first-contact";
import { SettingsRefusedError } from "@/lib/triage/settings/settings-refused-error";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { getTriageSettings } from "@/lib/triage/settings/triage-settings";
import { StaffNotActiveError } from "@/lib/triage/access/triage-errors";
import { createStaffMember, insertOperationalInquiry } from "@/__tests__/support/triage-admin-fixtures";
import { provideTestDatabaseClient } from "@/__tests__/support/test-database-client";

// Issue 12's closure days: a holiday or training day is no business time for
// the response clock, the escalation job or the first-contact report; admins
// add and remove them (audited), or pick them from the public-holiday
// calendar of the clinic's country and region.
const database = provideTestDatabaseClient({ environment: { MAIL_SINK_DIR: "/tmp/iop-closures-test-mail" } });
let sql: Client;
let admin: TriageActor;
let coordinator: TriageActor;

// The clinic: New York, 09:00-17:00 on weekdays (the migration's default),
// 15-minute target. Tuesday 1 December 2026 is a closure day.
const NOW = new Date("2026-12-06T12:00:00Z");
const CLOSED_TUESDAY = "2026-12-01";
const MONDAY_1800 = new Date("2026-11-30T23:00:00Z");
const TUESDAY_NOON = new Date("2026-12-01T17:00:00Z");
const WEDNESDAY_0914 = new Date("2026-12-02T14:14:00Z");
const WEDNESDAY_0916 = new Date("2026-12-02T14:16:00Z");

beforeAll(async () => {
  sql = database.sql;
  await sql.query(`UPDATE "TriageSettings" SET "escalationEmail" = 'on-call@clinic.example', "firstContactTargetMinutes" = 15`);
  admin = await createStaffMember(sql, { role: "admin", ip: "198.51.100.67" });
  coordinator = await createStaffMember(sql, { role: "coordinator" });
});
afterEach(async () => {
  await sql.query(`DELETE FROM "ClosureDay"`);
  await sql.query(`DELETE FROM "Inquiry"`);
});

// The audit log is append-only, so entries from earlier tests stay: each
// test looks at its own dates.
async function audit(action: string, date?: string) {
  const { rows } = await sql.query(
    `SELECT "actorId", "metadata" FROM "AuditEvent" WHERE "action" = $1 AND ($2::text IS NULL OR "metadata"->>'date' = $2) ORDER BY "id"`,
    [action, date ?? null],
  );
  return rows as { actorId: string; metadata: Record<string, unknown> }[];
}

async function closedDates(): Promise<string[]> {
  const { rows } = await sql.query<{ date: string }>(`SELECT to_char("date", 'YYYY-MM-DD') AS "date" FROM "ClosureDay" ORDER BY "date"`);
  return rows.map((row) => row.date);
}

const close = (date: string, label = "") => saveClosureDay({ admin, command: { command: "add", date, label }, now: NOW });

describe("a closure day is no business time", () => {
  it("keeps an inquiry from the evening before from being overdue until 15 business minutes after reopening", async () => {
    const settings = await getTriageSettings();
    await insertOperationalInquiry(sql, { createdAt: MONDAY_1800, urgent: true });
    // Without the closure Tuesday 09:15 would be the deadline.
    expect(await findOverdueUrgentInquiries({ now: TUESDAY_NOON, settings })).toHaveLength(1);
    await close(CLOSED_TUESDAY, "Staff training");
    expect(await findOverdueUrgentInquiries({ now: TUESDAY_NOON, settings })).toHaveLength(0);
    expect(await findOverdueUrgentInquiries({ now: WEDNESDAY_0914, settings })).toHaveLength(0);
    expect(await findOverdueUrgentInquiries({ now: WEDNESDAY_0916, settings })).toEqual([expect.objectContaining({ overdueMinutes: 1 })]);
  });

  it("does not escalate during the closure, and does once the target passes after it", async () => {
    await close(CLOSED_TUESDAY);
    const id = await insertOperationalInquiry(sql, { createdAt: MONDAY_1800, urgent: true });
    expect(await queueOverdueEscalations({ now: TUESDAY_NOON })).toEqual({ queued: 0 });
    expect(await queueOverdueEscalations({ now: new Date("2026-12-01T22:59:00Z") })).toEqual({ queued: 0 });
    const { rows } = await sql.query(`SELECT "escalatedAt" FROM "Inquiry" WHERE "id" = $1`, [id]);
    expect(rows[0].escalatedAt).toBeNull();
    expect(await queueOverdueEscalations({ now: WEDNESDAY_0916 })).toEqual({ queued: 1 });
  });

  it("leaves the closure out of the report's first-contact time", async () => {
    // Monday 18:00 to Wednesday 09:10: 480 + 10 business minutes, or 10
    // with Tuesday closed.
    await insertOperationalInquiry(sql, { createdAt: MONDAY_1800, firstContactAt: new Date("2026-12-02T14:10:00Z"), status: "CONTACT_ATTEMPTED" });
    const settings = { firstContactTargetMinutes: 15, businessHours: (await getTriageSettings()).businessHours };
    const range = { from: "2026-11-30", to: "2026-11-30", timeZone: "America/New_York" };
    expect(await measureFirstContact({ range, settings, now: NOW })).toMatchObject({ medianBusinessMinutes: 490, pastTarget: 1 });
    await close(CLOSED_TUESDAY);
    expect(await measureFirstContact({ range, settings, now: NOW })).toMatchObject({ medianBusinessMinutes: 10, withinTarget: 1, pastTarget: 0 });
  });

  it("agrees with the response clock across the spring-forward week with closures (SQL and TypeScript)", async () => {
    const hours = (await getTriageSettings()).businessHours;
    const timeZone = "America/New_York";
    await close("2026-03-09");
    await close("2026-03-11");
    const closedDates = ["2026-03-09", "2026-03-11"];
    let affected = 0;
    // One inquiry per day from Friday 6 to Thursday 12 March, each answered 30 hours later.
    for (const day of ["2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12"]) {
      const from = new Date(`${day}T${day < "2026-03-08" ? "20" : "19"}:30:00Z`);
      const to = new Date(from.getTime() + 30 * 3_600_000);
      await insertOperationalInquiry(sql, { createdAt: from, firstContactAt: to, status: "CONTACT_ATTEMPTED" });
      const figures = await measureFirstContact({ range: { from: day, to: day, timeZone }, settings: { firstContactTargetMinutes: 15, businessHours: hours }, now: NOW });
      const expected = businessMinutesBetween({ from, to, timeZone, hours, closedDates });
      if (expected !== businessMinutesBetween({ from, to, timeZone, hours })) affected += 1;
      expect(figures.medianBusinessMinutes).toBeCloseTo(expected, 6);
    }
    // Most waits span a closure; the comparison would prove nothing otherwise.
    expect(affected).toBeGreaterThanOrEqual(4);
  });
});

describe("administering closure days", () => {
  it("adds and removes a closure, each audited with the admin and the date", async () => {
    await close("2026-12-24", "Staff training");
    expect(await closedDates()).toEqual(["2026-12-24"]);
    await saveClosureDay({ admin, command: { command: "remove", date: "2026-12-24" }, now: NOW });
    expect(await closedDates()).toEqual([]);
    expect(await audit("triage.closure.added", "2026-12-24")).toEqual([{ actorId: admin.user.id, metadata: { date: "2026-12-24", label: "Staff training" } }]);
    expect(await audit("triage.closure.removed", "2026-12-24")).toEqual([{ actorId: admin.user.id, metadata: { date: "2026-12-24", label: "Staff training" } }]);
  });

  it("refuses a duplicate, a date out of range, removing a day that is not closed, and a coordinator", async () => {
    await close("2026-12-31");
    await expect(close("2026-12-31")).rejects.toThrow(new SettingsRefusedError("That date is already a closure day.", "date"));
    await expect(close("2031-01-01")).rejects.toThrow(SettingsRefusedError);
    await expect(close("2025-01-01")).rejects.toThrow(SettingsRefusedError);
    await expect(saveClosureDay({ admin, command: { command: "remove", date: "2026-12-25" }, now: NOW })).rejects.toThrow(SettingsRefusedError);
    await expect(saveClosureDay({ admin: coordinator, command: { command: "add", date: "2026-12-26", label: "" }, now: NOW })).rejects.toThrow(StaffNotActiveError);
    expect(await closedDates()).toEqual(["2026-12-31"]);
    expect(await audit("triage.closure.added", "2026-12-31")).toHaveLength(1);
    expect(await audit("triage.closure.added", "2026-12-26")).toHaveLength(0);
  });

  it("seeds New York's public holidays of 2027 from the date-holidays calendar", async () => {
    const holidays = publicHolidays({ country: "US", state: "NY", first: "2027-01-01", last: "2027-12-31" });
    expect(holidays.map((holiday) => holiday.date)).toEqual(
      expect.arrayContaining(["2027-01-01", "2027-01-18", "2027-02-12", "2027-02-15", "2027-05-31", "2027-07-04", "2027-09-06", "2027-11-25", "2027-12-25"]),
    );
    expect(holidays.find((holiday) => holiday.date === "2027-02-12")?.name).toBe("Lincoln's Birthday");
    await close("2027-07-04", "Closed");
    const { added } = await addPublicHolidays({ admin, holidays, source: { country: "US", state: "NY" }, now: NOW });
    expect(added).not.toContain("2027-07-04");
    expect(await closedDates()).toEqual(holidays.map((holiday) => holiday.date));
    const [entry] = await audit("triage.closure.holidays_added");
    expect(entry).toMatchObject({ actorId: admin.user.id, metadata: { country: "US", state: "NY", added: holidays.length - 1 } });
    expect(await addPublicHolidays({ admin, holidays, source: { country: "US", state: "NY" }, now: NOW })).toEqual({ added: [] });
  });
});
