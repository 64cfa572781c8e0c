import "server-only";
import { getDb } from "@/lib/db/client";
import { OUTBOX_CHANNEL } from "@/lib/notifications/outbox-channel";
import { assertAdmin } from "@/lib/triage/access/assert-admin";
import { recordAdminAuditEvent } from "@/lib/triage/access/record-admin-audit-event";
import type { TriageActor } from "@/lib/triage/access/triage-actor";

// Puts FAILED notifications back in the outbox (all of them, or one) with a
// fresh set of attempts, due now, and wakes the workers. Each retried row gets
// its audit entry in the same transaction. Only FAILED rows are touched, so a
// double click or a row already retried changes nothing.
export async function retryFailedNotifications(options: { admin: TriageActor; notificationId?: string }): Promise<number> {
  return getDb().$transaction(async (tx) => {
    await assertAdmin({ tx, userId: options.admin.user.id });
    const only = options.notificationId ?? null;
    const rows = await tx.$queryRaw<{ id: string; inquiryId: string; attempts: number }[]>`
      UPDATE "Notification" AS n
      SET "status" = 'PENDING', "attempts" = 0, "nextAttemptAt" = now(), "leaseExpiresAt" = NULL, "updatedAt" = now()
      FROM "Notification" AS before
      WHERE n."id" = before."id" AND n."status" = 'FAILED' AND (${only}::uuid IS NULL OR n."id" = ${only}::uuid)
      RETURNING n."id"::text AS "id", n."inquiryId"::text AS "inquiryId", before."attempts"`;
    for (const row of rows) {
      await recordAdminAuditEvent({
        tx,
        actor: options.admin,
        action: "notification.retried",
        inquiryId: row.inquiryId,
        metadata: { notificationId: row.id, previousAttempts: row.attempts },
      });
    }
    if (rows.length > 0) await tx.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, 'retry')`;
    return rows.length;
  });
}
