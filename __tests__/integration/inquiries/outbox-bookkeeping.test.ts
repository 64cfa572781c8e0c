import { runOutboxWorker } from "@/lib/notifications/run-outbox-worker";
import { provideMailingTestDatabase } from "@/__tests__/support/mailing-test-database";
import { installMarkSentKillSwitch, killMarkSent, markSentCalls } from "@/__tests__/support/mark-sent-kill-switch";
import { postInquiry } from "@/__tests__/support/inquiry-api";
import { validInquiry } from "@/__tests__/support/valid-inquiry";

// The connection dies right after the SMTP server accepted a message, exactly
// when the worker records it as sent: a trigger terminates the worker's own
// backend on its "mark sent" UPDATE, as many times as the test allows.
const LEASE_SECONDS = 45;
const mailing = provideMailingTestDatabase({ environment: { NOTIFY_LEASE_SECONDS: String(LEASE_SECONDS) }, connectAs: "owner" });

beforeAll(() => installMarkSentKillSwitch(mailing.sql));

async function notificationFor(referenceCode: unknown) {
  const { rows } = await mailing.sql.query(
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
  await killMarkSent(mailing.sql, 2);
  const before = mailing.smtp.messages.length;
  const response = await postInquiry(validInquiry({ phone: "212-555-0601" }));
  const worker = runOutboxWorker();
  try {
    await eventually(async () => (await notificationFor(response.json.referenceCode)).status === "SENT");
    expect(await markSentCalls(mailing.sql)).toBe(3);
    expect(await notificationFor(response.json.referenceCode)).toMatchObject({ status: "SENT", attempts: 1 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mailing.smtp.messages.slice(before).map((m) => m.subject)).toEqual([`New intake request ${String(response.json.referenceCode)}`]);
  } finally {
    await worker.stop();
  }
});

it("leaves the row leased for NOTIFY_LEASE_SECONDS when the update never gets through, and sends nothing meanwhile", async () => {
  await killMarkSent(mailing.sql, 1000);
  const before = mailing.smtp.messages.length;
  const response = await postInquiry(validInquiry({ phone: "212-555-0602" }));
  const worker = runOutboxWorker();
  try {
    // Six attempts with backoff (3 to 6 s of waiting in all), then it gives up.
    await eventually(async () => (await markSentCalls(mailing.sql)) >= 6);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await markSentCalls(mailing.sql)).toBe(6);
    expect(await notificationFor(response.json.referenceCode)).toEqual({ status: "SENDING", attempts: 1, leaseSeconds: LEASE_SECONDS });
    expect(mailing.smtp.messages.length - before).toBe(1);
  } finally {
    await worker.stop();
  }
});
