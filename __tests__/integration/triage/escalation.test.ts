import { Client } from "pg";
import { disconnectDb } from "@/lib/db/client";
import { closeMailTransport } from "@/lib/notifications/mail-transport";
import { runTriageJobs } from "@/lib/triage/jobs/run-triage-jobs";
import { sendOverdueEscalations } from "@/lib/triage/send-overdue-escalations";
import { setAppEnvironment } from "@/__tests__/support/app-environment";
import { startSmtpSink, type SmtpSink } from "@/__tests__/support/smtp-sink";
import { inquiryIdOf, submitTestInquiry } from "@/__tests__/support/triage-admin-fixtures";
import { onTestDatabaseTeardown, provideTestDatabase } from "@/__tests__/support/test-database";
import { PERSONAL_VALUES } from "@/__tests__/support/valid-inquiry";

// Issue 5's response-time clock: an urgent inquiry waiting past the target
// (in business time) sends one escalation email, with no personal data, to
// the configured address.
const database = provideTestDatabase();
let smtp: SmtpSink;
let sql: Client;
const ESCALATE_TO = "on-call@clinic.example";

beforeAll(async () => {
  smtp = await startSmtpSink();
  setAppEnvironment({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
  sql = new Client({ connectionString: database.url });
  await sql.connect();
  // New York, 09:00-17:00 on weekdays (the migration's default), 15 minutes.
  await sql.query(`UPDATE "TriageSettings" SET "escalationEmail" = $1, "firstContactTargetMinutes" = 15`, [ESCALATE_TO]);
});
onTestDatabaseTeardown(async () => {
  closeMailTransport();
  await sql.end();
  await disconnectDb();
  await smtp.stop();
});

// Friday 27 November 2026, 16:55 in New York (EST, UTC-5).
const FRIDAY_1655 = new Date("2026-11-27T21:55:00Z");
const FRIDAY_1730 = new Date("2026-11-27T22:30:00Z");
const MONDAY_0911 = new Date("2026-11-30T14:11:00Z");

async function inquiry(options: { urgent: boolean; receivedAt: Date; contacted?: boolean }): Promise<{ code: string; id: string }> {
  const code = await submitTestInquiry({ inCrisis: options.urgent });
  const id = await inquiryIdOf(sql, code);
  await sql.query(`UPDATE "Inquiry" SET "createdAt" = $2, "firstContactAt" = $3 WHERE "id" = $1`, [
    id,
    options.receivedAt,
    options.contacted ? new Date(options.receivedAt.getTime() + 60_000) : null,
  ]);
  return { code, id };
}

async function escalatedAt(id: string): Promise<Date | null> {
  const { rows } = await sql.query<{ escalatedAt: Date | null }>(`SELECT "escalatedAt" FROM "Inquiry" WHERE "id" = $1`, [id]);
  return rows[0]?.escalatedAt ?? null;
}

async function escalationAudits(id: string) {
  const { rows } = await sql.query(`SELECT "actorType", "metadata" FROM "AuditEvent" WHERE "action" = 'inquiry.escalated' AND "inquiryId" = $1`, [id]);
  return rows;
}

it("counts business time only: an urgent inquiry at 16:55 on Friday is overdue at 09:11 on Monday, not on Friday evening", async () => {
  const urgent = await inquiry({ urgent: true, receivedAt: FRIDAY_1655 });
  const routine = await inquiry({ urgent: false, receivedAt: FRIDAY_1655 });
  const contacted = await inquiry({ urgent: true, receivedAt: FRIDAY_1655, contacted: true });

  expect(await sendOverdueEscalations({ now: FRIDAY_1730 })).toEqual({ sent: 0, failed: 0 });
  expect(await sendOverdueEscalations({ now: MONDAY_0911 })).toEqual({ sent: 1, failed: 0 });

  const [mail] = await smtp.waitForMessages(1);
  expect(mail?.subject).toBe(`[Urgent] Intake request ${urgent.code} is waiting past the response target`);
  expect(mail?.to).toMatchObject({ text: ESCALATE_TO });
  expect(mail?.messageId).toBe(`<escalation-${urgent.id}@localhost>`);
  expect(mail?.text).toContain("more than 15 business minutes");
  expect(mail?.text).toContain(`http://localhost:3000/staff/inquiries/${urgent.id}`);
  const raw = `${mail?.subject}\n${mail?.text}\n${mail?.html || ""}`.toLowerCase();
  for (const value of PERSONAL_VALUES) expect(raw).not.toContain(value.toLowerCase());
  expect(raw).not.toMatch(/addiction|substance|treatment|recovery/);

  expect(await escalatedAt(urgent.id)).toBeInstanceOf(Date);
  expect(await escalationAudits(urgent.id)).toEqual([{ actorType: "SYSTEM", metadata: { overdueMinutes: 1, targetMinutes: 15 } }]);
  for (const other of [routine, contacted]) expect(await escalatedAt(other.id)).toBeNull();
});

it("sends once: a later tick does not repeat it", async () => {
  const before = smtp.messages.length;
  expect(await sendOverdueEscalations({ now: new Date(MONDAY_0911.getTime() + 3_600_000) })).toEqual({ sent: 0, failed: 0 });
  expect(smtp.messages.length).toBe(before);
});

it("keeps trying while the mail server is down, and marks nothing until it accepts", async () => {
  const urgent = await inquiry({ urgent: true, receivedAt: new Date(Date.now() - 3 * 86_400_000) });
  // The pooled connection goes first, or the server waits for it to close.
  closeMailTransport();
  await smtp.stop();
  try {
    expect(await sendOverdueEscalations()).toEqual({ sent: 0, failed: 1 });
    expect(await escalatedAt(urgent.id)).toBeNull();
  } finally {
    await smtp.start();
  }
  const before = smtp.messages.length;
  expect(await sendOverdueEscalations()).toEqual({ sent: 1, failed: 0 });
  await smtp.waitForMessages(before + 1);
  expect(await escalatedAt(urgent.id)).toBeInstanceOf(Date);
});

it("sends nothing when no escalation address is set", async () => {
  await sql.query(`UPDATE "TriageSettings" SET "escalationEmail" = NULL`);
  try {
    const urgent = await inquiry({ urgent: true, receivedAt: new Date(Date.now() - 3 * 86_400_000) });
    expect(await sendOverdueEscalations()).toEqual({ sent: 0, failed: 0 });
    expect(await escalatedAt(urgent.id)).toBeNull();
  } finally {
    await sql.query(`UPDATE "TriageSettings" SET "escalationEmail" = $1`, [ESCALATE_TO]);
  }
});

it("sends one email per inquiry when several instances tick at once", async () => {
  await sql.query(`UPDATE "Inquiry" SET "escalatedAt" = now() WHERE "escalatedAt" IS NULL`);
  const waiting = await Promise.all([1, 2, 3].map(() => inquiry({ urgent: true, receivedAt: new Date(Date.now() - 3 * 86_400_000) })));
  const before = smtp.messages.length;
  const instances = [runTriageJobs({ tickMs: 20 }), runTriageJobs({ tickMs: 20 }), runTriageJobs({ tickMs: 20 })];
  try {
    await smtp.waitForMessages(before + 3);
    await new Promise((resolve) => setTimeout(resolve, 500));
  } finally {
    await Promise.all(instances.map((instance) => instance.stop()));
  }
  const subjects = smtp.messages.slice(before).map((mail) => mail.subject);
  expect(subjects.sort()).toEqual(waiting.map((w) => `[Urgent] Intake request ${w.code} is waiting past the response target`).sort());
  for (const w of waiting) expect(await escalationAudits(w.id)).toHaveLength(1);
});
