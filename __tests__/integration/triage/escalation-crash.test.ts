import { Client } from "pg";
import { disconnectDb } from "@/lib/db/client";
import { closeMailTransport } from "@/lib/notifications/mail-transport";
import { runOutboxWorker } from "@/lib/notifications/run-outbox-worker";
import { queueOverdueEscalations } from "@/lib/triage/queue-overdue-escalations";
import { setAppEnvironment } from "@/__tests__/support/app-environment";
import { startSmtpSink, type SmtpSink } from "@/__tests__/support/smtp-sink";
import { inquiryIdOf, submitTestInquiry } from "@/__tests__/support/triage-admin-fixtures";
import { onTestDatabaseTeardown, provideTestDatabase } from "@/__tests__/support/test-database";

// Issue 13: the escalation email used to be sent before its bookkeeping, so a
// crash between the two sent it again on the next tick. Now it is an outbox
// row: here the database connection dies right after the SMTP server accepted
// the escalation, on the worker's "mark sent" UPDATE (a trigger terminates the
// worker's own backend), and still exactly one message arrives.
const database = provideTestDatabase();
let smtp: SmtpSink;
let sql: Client;

beforeAll(async () => {
  smtp = await startSmtpSink();
  setAppEnvironment({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, NOTIFY_LEASE_SECONDS: "30" });
  // The kill switch is test scaffolding (DDL), so it is created by the owner
  // and runs as the owner (SECURITY DEFINER) inside the worker's UPDATE.
  sql = new Client({ connectionString: database.ownerUrl });
  await sql.connect();
  await sql.query(`UPDATE "TriageSettings" SET "escalationEmail" = 'on-call@clinic.example', "firstContactTargetMinutes" = 15`);
  await sql.query(`
    CREATE TABLE test_kill_budget (kills int NOT NULL);
    INSERT INTO test_kill_budget VALUES (0);
    CREATE SEQUENCE test_mark_sent_calls;
    CREATE FUNCTION test_kill_mark_sent() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
    BEGIN
      IF NEW.kind = 'ESCALATION' AND NEW.status = 'SENT' AND nextval('test_mark_sent_calls') <= (SELECT kills FROM test_kill_budget) THEN
        PERFORM pg_terminate_backend(pg_backend_pid());
        PERFORM pg_sleep(5);
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER test_kill_mark_sent BEFORE UPDATE ON "Notification" FOR EACH ROW EXECUTE FUNCTION test_kill_mark_sent();`);
});

onTestDatabaseTeardown(async () => {
  closeMailTransport();
  await sql.end();
  await disconnectDb();
  await smtp.stop();
});

async function overdueUrgentInquiry(): Promise<{ code: string; id: string }> {
  const code = await submitTestInquiry({ inCrisis: true });
  const id = await inquiryIdOf(sql, code);
  await sql.query(`UPDATE "Inquiry" SET "createdAt" = now() - interval '3 days' WHERE "id" = $1`, [id]);
  return { code, id };
}

async function escalationRow(id: string) {
  const { rows } = await sql.query<{ id: string; status: string; attempts: number }>(
    `SELECT "id", "status", "attempts" FROM "Notification" WHERE "kind" = 'ESCALATION' AND "inquiryId" = $1`,
    [id],
  );
  return rows;
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it("sends one escalation email when the connection dies between the mail server's acceptance and the bookkeeping", async () => {
  await sql.query(`UPDATE test_kill_budget SET kills = 2; SELECT setval('test_mark_sent_calls', 1, false)`);
  const urgent = await overdueUrgentInquiry();
  expect(await queueOverdueEscalations()).toEqual({ queued: 1 });
  const worker = runOutboxWorker();
  try {
    await eventually(async () => (await escalationRow(urgent.id))[0]?.status === "SENT");
    await new Promise((resolve) => setTimeout(resolve, 500));
  } finally {
    await worker.stop();
  }
  const { rows } = await sql.query<{ n: string }>(`SELECT last_value AS n FROM test_mark_sent_calls`);
  // Two "sent" updates died with their connections; the third committed.
  expect(Number(rows[0]?.n)).toBe(3);
  const [row] = await escalationRow(urgent.id);
  expect(row).toMatchObject({ status: "SENT", attempts: 1 });
  const mails = smtp.messages.filter((m) => m.subject?.includes(`Intake request ${urgent.code} is waiting`));
  expect(mails.map((m) => m.messageId)).toEqual([`<${row?.id}@localhost>`]);
  // A later tick queues nothing more.
  expect(await queueOverdueEscalations()).toEqual({ queued: 0 });
});

it("if the bookkeeping never lands, the repeat after the lease carries the same Message-ID (mail systems fold it)", async () => {
  await sql.query(`UPDATE test_kill_budget SET kills = 6; SELECT setval('test_mark_sent_calls', 1, false)`);
  const urgent = await overdueUrgentInquiry();
  expect(await queueOverdueEscalations()).toEqual({ queued: 1 });
  const worker = runOutboxWorker();
  try {
    // Six failed updates: the row keeps its 30-second lease, then is claimed
    // again and, the kill budget spent, sent and recorded.
    await eventually(async () => (await escalationRow(urgent.id))[0]?.status === "SENT", 60_000);
  } finally {
    await worker.stop();
  }
  const [row] = await escalationRow(urgent.id);
  const mails = smtp.messages.filter((m) => m.subject?.includes(`Intake request ${urgent.code} is waiting`));
  expect(new Set(mails.map((m) => m.messageId))).toEqual(new Set([`<${row?.id}@localhost>`]));
  expect(mails).toHaveLength(2);
});
