import { runOutboxWorker } from "@/lib/notifications/run-outbox-worker";
import { queueOverdueEscalations } from "@/lib/triage/escalation/queue-overdue-escalations";
import { provideMailingTestDatabase } from "@/__tests__/support/mailing-test-database";
import { installMarkSentKillSwitch, killMarkSent } from "@/__tests__/support/mark-sent-kill-switch";
import { inquiryIdOf, submitTestInquiry } from "@/__tests__/support/triage-admin-fixtures";

// Issue 13: the escalation email used to be sent before its bookkeeping, so a
// crash between the two sent it again on the next tick. Now it is an outbox
// row: here the database connection dies right after the SMTP server accepted
// the escalation, on the worker's "mark sent" UPDATE (a trigger terminates the
// worker's own backend), and still exactly one message arrives.
const mailing = provideMailingTestDatabase({ environment: { NOTIFY_LEASE_SECONDS: "30" }, connectAs: "owner" });

beforeAll(async () => {
  await mailing.sql.query(`UPDATE "TriageSettings" SET "escalationEmail" = 'on-call@clinic.example', "firstContactTargetMinutes" = 15`);
  await installMarkSentKillSwitch(mailing.sql, { kind: "ESCALATION" });
});

async function overdueUrgentInquiry(): Promise<{ code: string; id: string }> {
  const code = await submitTestInquiry({ inCrisis: true });
  const id = await inquiryIdOf(mailing.sql, code);
  await mailing.sql.query(`UPDATE "Inquiry" SET "createdAt" = now() - interval '3 days' WHERE "id" = $1`, [id]);
  return { code, id };
}

async function escalationRow(id: string) {
  const { rows } = await mailing.sql.query<{ id: string; status: string; attempts: number }>(
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
  await killMarkSent(mailing.sql, 2);
  const urgent = await overdueUrgentInquiry();
  expect(await queueOverdueEscalations()).toEqual({ queued: 1 });
  const worker = runOutboxWorker();
  try {
    await eventually(async () => (await escalationRow(urgent.id))[0]?.status === "SENT");
    await new Promise((resolve) => setTimeout(resolve, 500));
  } finally {
    await worker.stop();
  }
  const { rows } = await mailing.sql.query<{ n: string }>(`SELECT last_value AS n FROM test_mark_sent_calls`);
  // Two "sent" updates died with their connections; the third committed.
  expect(Number(rows[0]?.n)).toBe(3);
  const [row] = await escalationRow(urgent.id);
  expect(row).toMatchObject({ status: "SENT", attempts: 1 });
  const mails = mailing.smtp.messages.filter((m) => m.subject?.includes(`Intake request ${urgent.code} is waiting`));
  expect(mails.map((m) => m.messageId)).toEqual([`<${row?.id}@localhost>`]);
  // A later tick queues nothing more.
  expect(await queueOverdueEscalations()).toEqual({ queued: 0 });
});

it("if the bookkeeping never lands, the repeat after the lease carries the same Message-ID (mail systems fold it)", async () => {
  await killMarkSent(mailing.sql, 6);
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
  const mails = mailing.smtp.messages.filter((m) => m.subject?.includes(`Intake request ${urgent.code} is waiting`));
  expect(new Set(mails.map((m) => m.messageId))).toEqual(new Set([`<${row?.id}@localhost>`]));
  expect(mails).toHaveLength(2);
});
