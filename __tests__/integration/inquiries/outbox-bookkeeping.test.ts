import { Client } from "pg";
import { disconnectDb } from "@/lib/db/client";
import { closeMailTransport } from "@/lib/notifications/mail-transport";
import { runOutboxWorker } from "@/lib/notifications/run-outbox-worker";
import { setAppEnvironment } from "@/__tests__/support/app-environment";
import { postInquiry } from "@/__tests__/support/inquiry-api";
import { startSmtpSink, type SmtpSink } from "@/__tests__/support/smtp-sink";
import { onTestDatabaseTeardown, provideTestDatabase } from "@/__tests__/support/test-database";
import { validInquiry } from "@/__tests__/support/valid-inquiry";

// The connection dies right after the SMTP server accepted a message, exactly
// when the worker records it as sent: a trigger terminates the worker's own
// backend on its "mark sent" UPDATE, as many times as the test allows.
const database = provideTestDatabase();
const LEASE_SECONDS = 45;
let smtp: SmtpSink;
let sql: Client;

beforeAll(async () => {
  smtp = await startSmtpSink();
  setAppEnvironment({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, NOTIFY_LEASE_SECONDS: String(LEASE_SECONDS) });
  // As the owner, who may add tables and triggers; the trigger function runs as
  // its definer, so the app's runtime role needs no grant on the test's objects.
  sql = new Client({ connectionString: database.ownerUrl });
  await sql.connect();
  await sql.query(`
    CREATE TABLE test_kill_budget (kills int NOT NULL);
    CREATE SEQUENCE test_mark_sent_calls;
    CREATE FUNCTION test_kill_mark_sent() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
    BEGIN
      -- nextval is not rolled back with the dying transaction, so it counts attempts.
      IF NEW.status = 'SENT' AND nextval('test_mark_sent_calls') <= (SELECT kills FROM test_kill_budget) THEN
        PERFORM pg_terminate_backend(pg_backend_pid());
        PERFORM pg_sleep(5); -- interrupted at once: the backend dies here, before COMMIT
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

async function killMarkSent(times: number): Promise<void> {
  await sql.query(`DELETE FROM test_kill_budget; INSERT INTO test_kill_budget VALUES (${times}); SELECT setval('test_mark_sent_calls', 1, false)`);
}

async function markSentCalls(): Promise<number> {
  const { rows } = await sql.query<{ n: string }>(`SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS n FROM test_mark_sent_calls`);
  return Number(rows[0]?.n);
}

async function notificationFor(referenceCode: unknown) {
  const { rows } = await sql.query(
    `SELECT n.status, n.attempts, EXTRACT(EPOCH FROM n."leaseExpiresAt" - n."updatedAt")::int AS "leaseSeconds"
     FROM "Notification" n JOIN "Inquiry" i ON i.id = n."inquiryId" WHERE i."referenceCode" = $1`,
    [referenceCode],
  );
  return rows[0] as { status: string; attempts: number; leaseSeconds: number | null };
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it("retries the 'sent' update after the connection dies, so the email is not sent again when the lease expires", async () => {
  await killMarkSent(2);
  const before = smtp.messages.length;
  const response = await postInquiry(validInquiry({ phone: "212-555-0601" }));
  const worker = runOutboxWorker();
  try {
    await eventually(async () => (await notificationFor(response.json.referenceCode)).status === "SENT");
    expect(await markSentCalls()).toBe(3);
    expect(await notificationFor(response.json.referenceCode)).toMatchObject({ status: "SENT", attempts: 1 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.messages.slice(before).map((m) => m.subject)).toEqual([`New intake request ${String(response.json.referenceCode)}`]);
  } finally {
    await worker.stop();
  }
});

it("leaves the row leased for NOTIFY_LEASE_SECONDS when the update never gets through, and sends nothing meanwhile", async () => {
  await killMarkSent(1000);
  const before = smtp.messages.length;
  const response = await postInquiry(validInquiry({ phone: "212-555-0602" }));
  const worker = runOutboxWorker();
  try {
    // Six attempts with backoff (3 to 6 s of waiting in all), then it gives up.
    await eventually(async () => (await markSentCalls()) >= 6);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await markSentCalls()).toBe(6);
    expect(await notificationFor(response.json.referenceCode)).toEqual({ status: "SENDING", attempts: 1, leaseSeconds: LEASE_SECONDS });
    expect(smtp.messages.length - before).toBe(1);
  } finally {
    await worker.stop();
  }
});
