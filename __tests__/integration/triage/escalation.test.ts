import type { Client } from "pg";
import { closeMailTransport } from "@/lib/notifications/mail-transport";
import { runOutboxWorker } from "@/lib/notifications/run-outbox-worker";
import { runTriageJobs } from "@/lib/triage/jobs/run-triage-jobs";
import { queueOverdueEscalations } from "@/lib/triage/escalation/queue-overdue-escalations";
import { startSmtpSink, type SmtpSink } from "@/__tests__/support/smtp-sink";
import { inquiryIdOf, submitTestInquiry } from "@/__tests__/support/triage-admin-fixtures";
import { onTestDatabaseTeardown } from "@/__tests__/support/test-database";
import { provideTestDatabaseClient } from "@/__tests__/support/test-database-client";
import { PERSONAL_VALUES } from "@/__tests__/support/valid-inquiry";

// Issue 5's response-time clock: an urgent inquiry waiting past the target
// (in business time) sends one escalation email, with no personal data, to
// the configured address. Issue 13: the email is an outbox row, queued in the
// same transaction as the escalation and delivered by the outbox worker.
let smtp: SmtpSink;
let sql: Client;
const ESCALATE_TO = "on-call@clinic.example";

// The sink starts first: the app's environment names its port.
beforeAll(async () => {
  smtp = await startSmtpSink();
});
const database = provideTestDatabaseClient({
  environment: () => ({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}` }),
});
// Stopped last, once the helper has closed the mail transport's pooled connections to it.
onTestDatabaseTeardown(() => smtp.stop());

beforeAll(async () => {
  sql = database.sql;
  // New York, 09:00-17:00 on weekdays (the migration's default), 15 minutes.
  await sql.query(`UPDATE "TriageSettings" SET "escalationEmail" = $1, "firstContactTargetMinutes" = 15`, [ESCALATE_TO]);
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

async function escalationRows(id: string) {
  const { rows } = await sql.query<{ id: string; status: string; attempts: number }>(
    `SELECT "id", "status", "attempts" FROM "Notification" WHERE "kind" = 'ESCALATION' AND "inquiryId" = $1`,
    [id],
  );
  return rows;
}

function escalationMails(code: string) {
  return smtp.messages.filter((m) => m.subject === `[Urgent] Intake request ${code} is waiting past the response target`);
}

async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function withWorker(work: () => Promise<void>): Promise<void> {
  const worker = runOutboxWorker();
  try {
    await work();
  } finally {
    await worker.stop();
  }
}

async function escalationAudits(id: string) {
  const { rows } = await sql.query(`SELECT "actorType", "metadata" FROM "AuditEvent" WHERE "action" = 'inquiry.escalated' AND "inquiryId" = $1`, [id]);
  return rows;
}

it("counts business time only: an urgent inquiry at 16:55 on Friday is overdue at 09:11 on Monday, not on Friday evening", async () => {
  const urgent = await inquiry({ urgent: true, receivedAt: FRIDAY_1655 });
  const routine = await inquiry({ urgent: false, receivedAt: FRIDAY_1655 });
  const contacted = await inquiry({ urgent: true, receivedAt: FRIDAY_1655, contacted: true });

  expect(await queueOverdueEscalations({ now: FRIDAY_1730 })).toEqual({ queued: 0 });
  expect(await queueOverdueEscalations({ now: MONDAY_0911 })).toEqual({ queued: 1 });
  // Bookkeeping, audit and outbox row commit together, before anything is sent.
  expect(await escalatedAt(urgent.id)).toBeInstanceOf(Date);
  expect(await escalationAudits(urgent.id)).toEqual([{ actorType: "SYSTEM", metadata: { overdueMinutes: 1, targetMinutes: 15 } }]);
  const [row] = await escalationRows(urgent.id);
  expect(row?.status).toBe("PENDING");

  await withWorker(() => eventually(() => escalationMails(urgent.code).length === 1));
  const [mail] = escalationMails(urgent.code);
  expect(mail?.to).toMatchObject({ text: ESCALATE_TO });
  expect(mail?.messageId).toBe(`<${row?.id}@localhost>`);
  expect(mail?.text).toContain("more than 15 business minutes");
  expect(mail?.text).toContain(`http://localhost:3000/staff/inquiries/${urgent.id}`);
  const raw = `${mail?.subject}\n${mail?.text}\n${mail?.html || ""}`.toLowerCase();
  for (const value of PERSONAL_VALUES) expect(raw).not.toContain(value.toLowerCase());
  expect(raw).not.toMatch(/addiction|substance|treatment|recovery/);
  expect(await escalationRows(urgent.id)).toEqual([{ id: row?.id, status: "SENT", attempts: 1 }]);

  for (const other of [routine, contacted]) {
    expect(await escalatedAt(other.id)).toBeNull();
    expect(await escalationRows(other.id)).toEqual([]);
  }
});

it("queues once: a later tick does not repeat it", async () => {
  const before = await sql.query(`SELECT count(*)::int AS n FROM "Notification" WHERE "kind" = 'ESCALATION'`);
  expect(await queueOverdueEscalations({ now: new Date(MONDAY_0911.getTime() + 3_600_000) })).toEqual({ queued: 0 });
  const after = await sql.query(`SELECT count(*)::int AS n FROM "Notification" WHERE "kind" = 'ESCALATION'`);
  expect(after.rows[0]).toEqual(before.rows[0]);
});

it("retries with backoff while the mail server is down, and delivers exactly once when it is back", async () => {
  const urgent = await inquiry({ urgent: true, receivedAt: new Date(Date.now() - 3 * 86_400_000) });
  // The pooled connection goes first, or the server waits for it to close.
  closeMailTransport();
  await smtp.stop();
  await withWorker(async () => {
    try {
      expect(await queueOverdueEscalations()).toEqual({ queued: 1 });
      await eventually(async () => ((await escalationRows(urgent.id))[0]?.attempts ?? 0) >= 2);
      expect((await escalationRows(urgent.id))[0]?.status).not.toBe("SENT");
    } finally {
      await smtp.start();
    }
    await eventually(async () => (await escalationRows(urgent.id))[0]?.status === "SENT");
    await new Promise((resolve) => setTimeout(resolve, 300));
  });
  expect(escalationMails(urgent.code)).toHaveLength(1);
  const [row] = await escalationRows(urgent.id);
  expect(row?.attempts).toBeGreaterThan(1);
});

it("queues nothing when no escalation address is set", async () => {
  await sql.query(`UPDATE "TriageSettings" SET "escalationEmail" = NULL`);
  try {
    const urgent = await inquiry({ urgent: true, receivedAt: new Date(Date.now() - 3 * 86_400_000) });
    expect(await queueOverdueEscalations()).toEqual({ queued: 0 });
    expect(await escalatedAt(urgent.id)).toBeNull();
  } finally {
    await sql.query(`UPDATE "TriageSettings" SET "escalationEmail" = $1`, [ESCALATE_TO]);
  }
});

it("sends one email per inquiry when several instances tick at once", async () => {
  await sql.query(`UPDATE "Inquiry" SET "escalatedAt" = now() WHERE "escalatedAt" IS NULL`);
  const waiting = await Promise.all([1, 2, 3].map(() => inquiry({ urgent: true, receivedAt: new Date(Date.now() - 3 * 86_400_000) })));
  const instances = [runTriageJobs({ tickMs: 20 }), runTriageJobs({ tickMs: 20 }), runTriageJobs({ tickMs: 20 })];
  const workers = [runOutboxWorker(), runOutboxWorker()];
  try {
    await eventually(() => waiting.every((w) => escalationMails(w.code).length > 0));
    await new Promise((resolve) => setTimeout(resolve, 500));
  } finally {
    await Promise.all(instances.map((instance) => instance.stop()));
    await Promise.all(workers.map((worker) => worker.stop()));
  }
  for (const w of waiting) {
    expect(escalationMails(w.code)).toHaveLength(1);
    expect(await escalationAudits(w.id)).toHaveLength(1);
    expect(await escalationRows(w.id)).toHaveLength(1);
  }
});
