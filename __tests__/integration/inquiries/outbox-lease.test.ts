import type { Transporter } from "nodemailer";
import { getPool } from "@/lib/db/client";
import { claimDueNotifications } from "@/lib/notifications/claim-due-notifications";
import { deliverNotification } from "@/lib/notifications/deliver-notification";
import { createLimiter } from "@/lib/notifications/limiter";
import { postInquiry } from "@/__tests__/support/inquiry-api";
import { provideTestDatabaseClient } from "@/__tests__/support/test-database-client";
import { validInquiry } from "@/__tests__/support/valid-inquiry";

const database = provideTestDatabaseClient();

async function row(id: string | undefined) {
  const { rows } = await database.sql.query(
    `SELECT status, attempts, EXTRACT(EPOCH FROM "leaseExpiresAt" - "updatedAt")::int AS lease FROM "Notification" WHERE id = $1`,
    [id],
  );
  return rows[0] as { status: string; attempts: number; lease: number | null };
}

it("claims with the lease it is given", async () => {
  await postInquiry(validInquiry({ phone: "212-555-0801" }));
  const [claimed] = await claimDueNotifications({ pool: getPool(), limit: 1, leaseSeconds: 77 });
  expect(await row(claimed?.id)).toEqual({ status: "SENDING", attempts: 1, lease: 77 });
});

it("hands a claimed row back unsent when it is too late in its lease to start the send", async () => {
  await database.sql.query(`UPDATE "Notification" SET status = 'SENT'`);
  await postInquiry(validInquiry({ phone: "212-555-0802" }));
  const [claimed] = await claimDueNotifications({ pool: getPool(), limit: 1, leaseSeconds: 60 });
  if (!claimed) throw new Error("nothing claimed");
  const sendMail = jest.fn();
  const outcome = await deliverNotification({
    pool: getPool(),
    transport: { sendMail } as unknown as Transporter,
    sendSlot: createLimiter(1),
    notification: claimed,
    sendBy: Date.now() - 1,
  });
  expect(outcome).toBe("released");
  expect(sendMail).not.toHaveBeenCalled();
  // Claimable again at once, and the aborted claim does not count as an attempt.
  expect(await row(claimed.id)).toEqual({ status: "PENDING", attempts: 0, lease: null });
  const [again] = await claimDueNotifications({ pool: getPool(), limit: 1, leaseSeconds: 60 });
  expect(again?.id).toBe(claimed.id);
});
