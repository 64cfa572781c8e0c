import { runOutboxWorker } from "@/lib/notifications/run-outbox-worker";
import { provideMailingTestDatabase } from "@/__tests__/support/mailing-test-database";
import { postInquiry } from "@/__tests__/support/inquiry-api";
import { validInquiry } from "@/__tests__/support/valid-inquiry";

const mailing = provideMailingTestDatabase({ environment: { NOTIFY_MAX_ATTEMPTS: "3", NOTIFY_RETRY_BASE_MS: "20" } });

async function notificationFor(referenceCode: unknown) {
  const { rows } = await mailing.sql.query(
    `SELECT n.id, n.status, n.attempts, n."lastError", n."sentAt" FROM "Notification" n
     JOIN "Inquiry" i ON i.id = n."inquiryId" WHERE i."referenceCode" = $1`,
    [referenceCode],
  );
  return rows[0] as { id: string; status: string; attempts: number; lastError: string | null; sentAt: Date | null };
}

async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not reached; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it("gives up after NOTIFY_MAX_ATTEMPTS and marks the notification FAILED, keeping the inquiry", async () => {
  await mailing.smtp.stop();
  const worker = runOutboxWorker();
  try {
    const response = await postInquiry(validInquiry());
    const failed = await eventually(() => notificationFor(response.json.referenceCode), (n) => n.status === "FAILED");
    expect(failed.attempts).toBe(3);
    expect(failed.lastError).toMatch(/^\w+ (ECONNECTION|ESOCKET|ECONNREFUSED)/);
    expect(failed.lastError).not.toMatch(/127\.0\.0\.1|@/);
    const { rows } = await mailing.sql.query(`SELECT count(*)::int AS n FROM "Inquiry" WHERE "referenceCode" = $1`, [response.json.referenceCode]);
    expect(rows[0]).toEqual({ n: 1 });
  } finally {
    await worker.stop();
    await mailing.smtp.start();
  }
});

it("reclaims a notification whose worker died mid-send once its lease expires", async () => {
  const response = await postInquiry(validInquiry({ phone: "212-555-0188" }));
  const before = mailing.smtp.messages.length;
  // What a worker killed between claiming and sending leaves behind.
  await mailing.sql.query(
    `UPDATE "Notification" SET status = 'SENDING', attempts = 1, "leaseExpiresAt" = now() - interval '1 second'
     WHERE id = $1`,
    [(await notificationFor(response.json.referenceCode)).id],
  );
  const worker = runOutboxWorker();
  try {
    const sent = await eventually(() => notificationFor(response.json.referenceCode), (n) => n.status === "SENT");
    expect(sent.attempts).toBe(2);
    await mailing.smtp.waitForMessages(before + 1);
    expect(mailing.smtp.messages.slice(before).map((m) => m.subject)).toEqual([`New intake request ${String(response.json.referenceCode)}`]);
  } finally {
    await worker.stop();
  }
});

it("leaves a notification alone while another worker's lease is still valid", async () => {
  const response = await postInquiry(validInquiry({ phone: "212-555-0189" }));
  const { id } = await notificationFor(response.json.referenceCode);
  await mailing.sql.query(`UPDATE "Notification" SET status = 'SENDING', attempts = 1, "leaseExpiresAt" = now() + interval '1 hour' WHERE id = $1`, [id]);
  const worker = runOutboxWorker();
  await new Promise((resolve) => setTimeout(resolve, 800));
  await worker.stop();
  expect(await notificationFor(response.json.referenceCode)).toMatchObject({ status: "SENDING", attempts: 1 });
});
