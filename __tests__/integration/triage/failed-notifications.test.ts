import type { Client } from "pg";
import { listFailedNotifications } from "@/lib/notifications/list-failed-notifications";
import { retryFailedNotifications } from "@/lib/notifications/retry-failed-notifications";
import { runOutboxWorker } from "@/lib/notifications/run-outbox-worker";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { StaffNotActiveError } from "@/lib/triage/access/triage-errors";
import { startSmtpSink, type SmtpSink } from "@/__tests__/support/smtp-sink";
import { createStaffMember, inquiryIdOf, submitTestInquiry } from "@/__tests__/support/triage-admin-fixtures";
import { onTestDatabaseTeardown } from "@/__tests__/support/test-database";
import { provideTestDatabaseClient } from "@/__tests__/support/test-database-client";
import { PERSONAL_VALUES } from "@/__tests__/support/valid-inquiry";

// Issue 5: notifications the outbox gave up on are listed for admins (no
// personal data) and can be put back in the outbox, audited.
let smtp: SmtpSink;
let sql: Client;
let admin: TriageActor;

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
  admin = await createStaffMember(sql, { role: "admin", ip: "198.51.100.44" });
});

async function failedNotification(lastError: string, options: { urgent?: boolean } = {}): Promise<{ code: string; notificationId: string; inquiryId: string }> {
  const code = await submitTestInquiry({ inCrisis: options.urgent ?? false });
  const inquiryId = await inquiryIdOf(sql, code);
  const { rows } = await sql.query<{ id: string }>(
    `UPDATE "Notification" SET "status" = 'FAILED', "attempts" = 10, "lastError" = $2 WHERE "inquiryId" = $1 RETURNING "id"`,
    [inquiryId, lastError],
  );
  return { code, inquiryId, notificationId: rows[0]?.id ?? "" };
}

async function notification(id: string) {
  const { rows } = await sql.query(`SELECT "status", "attempts" FROM "Notification" WHERE "id" = $1`, [id]);
  return rows[0] as { status: string; attempts: number };
}

it("lists failed notifications with reference, attempts and error category, and nothing personal", async () => {
  const unreachable = await failedNotification("Error ECONNECTION");
  const rejected = await failedNotification("Error EENVELOPE SMTP 550", { urgent: true });
  const listed = await listFailedNotifications();
  expect(listed.map(({ referenceCode, urgent, attempts, errorCategory }) => ({ referenceCode, urgent, attempts, errorCategory })).sort((a, b) => a.referenceCode.localeCompare(b.referenceCode))).toEqual(
    [
      { referenceCode: unreachable.code, urgent: false, attempts: 10, errorCategory: "Mail server unreachable" },
      { referenceCode: rejected.code, urgent: true, attempts: 10, errorCategory: "Rejected by the mail server" },
    ].sort((a, b) => a.referenceCode.localeCompare(b.referenceCode)),
  );
  const text = JSON.stringify(listed).toLowerCase();
  for (const value of PERSONAL_VALUES) expect(text).not.toContain(value.toLowerCase());
});

it("retries one notification: back to PENDING with fresh attempts, audited, then delivered by the outbox", async () => {
  const [first] = await listFailedNotifications();
  if (!first) throw new Error("expected a failed notification");
  const { rows } = await sql.query<{ inquiryId: string }>(`SELECT "inquiryId" FROM "Notification" WHERE "id" = $1`, [first.id]);
  expect(await retryFailedNotifications({ admin, notificationId: first.id })).toBe(1);
  expect(await notification(first.id)).toEqual({ status: "PENDING", attempts: 0 });
  const audit = await sql.query(`SELECT "actorId", "inquiryId", "ipAddress", "metadata" FROM "AuditEvent" WHERE "action" = 'notification.retried'`);
  expect(audit.rows).toEqual([{ actorId: admin.user.id, inquiryId: rows[0]?.inquiryId, ipAddress: "198.51.100.44", metadata: { notificationId: first.id, previousAttempts: 10 } }]);
  // A second click on the same row changes nothing.
  expect(await retryFailedNotifications({ admin, notificationId: first.id })).toBe(0);

  const worker = runOutboxWorker();
  try {
    const [mail] = await smtp.waitForMessages(1);
    expect(mail?.subject).toContain(first.referenceCode);
  } finally {
    await worker.stop();
  }
  expect(await notification(first.id)).toMatchObject({ status: "SENT" });
  expect(await listFailedNotifications()).toHaveLength(1);
});

it("retries all of them at once; coordinators cannot", async () => {
  await failedNotification("Error ETIMEDOUT");
  const coordinator = await createStaffMember(sql, { role: "coordinator" });
  await expect(retryFailedNotifications({ admin: coordinator })).rejects.toBeInstanceOf(StaffNotActiveError);
  expect(await listFailedNotifications()).toHaveLength(2);
  expect(await retryFailedNotifications({ admin })).toBe(2);
  expect(await listFailedNotifications()).toEqual([]);
});
