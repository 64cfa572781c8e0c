import { getPool } from "@/lib/db/client";
import { claimDueNotifications } from "@/lib/notifications/claim-due-notifications";
import { deliverUnlessStopping } from "@/lib/notifications/deliver-unless-stopping";
import { createLimiter } from "@/lib/notifications/limiter";
import { getMailTransport } from "@/lib/notifications/mail-transport";
import { provideMailingTestDatabase } from "@/__tests__/support/mailing-test-database";
import { postInquiry } from "@/__tests__/support/inquiry-api";
import { validInquiry } from "@/__tests__/support/valid-inquiry";

// A stopping outbox worker finishes the sends already under way and hands the
// rest of its claim back at once (status PENDING, the claim's attempt undone),
// so nothing waits for a lease to expire and nothing is sent twice.
const mailing = provideMailingTestDatabase({ connectAs: "owner" });

async function outbox() {
  const { rows } = await mailing.sql.query<{ status: string; attempts: number; leaseExpiresAt: Date | null }>(
    `SELECT status::text AS status, attempts, "leaseExpiresAt" FROM "Notification" ORDER BY "createdAt"`,
  );
  return rows;
}

it("sends what started before the stop and releases what was still waiting for a slot", async () => {
  for (const phone of ["212-555-0701", "212-555-0702", "212-555-0703"]) {
    expect((await postInquiry(validInquiry({ phone }))).status).toBe(201);
  }
  const pool = getPool();
  const claimed = await claimDueNotifications({ pool, limit: 10, leaseSeconds: 120 });
  expect(claimed).toHaveLength(3);
  expect((await outbox()).every((row) => row.status === "SENDING" && row.attempts === 1)).toBe(true);

  // One SMTP slot: the first send holds it; the stop arrives while the other two wait.
  let stopping = false;
  const sendSlot = createLimiter(1);
  const deliveries = claimed.map((notification, index) =>
    deliverUnlessStopping({
      pool,
      transport: getMailTransport(),
      sendSlot: index === 0 ? (task) => sendSlot(async () => { const result = await task(); stopping = true; return result; }) : sendSlot,
      notification,
      sendBy: Date.now() + 60_000,
      isStopping: () => stopping,
    }),
  );
  const outcomes = await Promise.all(deliveries);

  expect(outcomes).toEqual(["sent", "released", "released"]);
  await mailing.smtp.waitForMessages(1);
  expect(mailing.smtp.messages).toHaveLength(1);
  const rows = await outbox();
  expect(rows.map((row) => row.status).sort()).toEqual(["PENDING", "PENDING", "SENT"]);
  for (const row of rows.filter((r) => r.status === "PENDING")) {
    expect(row.attempts).toBe(0);
    expect(row.leaseExpiresAt).toBeNull();
  }

  // Released rows are due again at once: the next claim takes them.
  const again = await claimDueNotifications({ pool, limit: 10, leaseSeconds: 120 });
  expect(again).toHaveLength(2);
});
