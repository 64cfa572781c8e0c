import "server-only";
import type { Db } from "@/lib/db/client";

export type ClaimedNotification = {
  id: string;
  kind: string;
  attempts: number;
  referenceCode: string;
  urgency: string;
};

// Claims up to `limit` due notifications for this worker. SKIP LOCKED lets any
// number of workers claim concurrently without waiting on, or double-claiming,
// each other's rows. A claim is a lease: if the worker dies mid-send the row
// becomes claimable again when the lease expires, so no notification is lost.
export async function claimDueNotifications(options: { db: Db; limit: number; leaseSeconds: number }) {
  return options.db.$queryRaw<ClaimedNotification[]>`
    WITH due AS (
      SELECT "id" FROM "Notification"
      WHERE ("status" = 'PENDING' AND "nextAttemptAt" <= now())
         OR ("status" = 'SENDING' AND "leaseExpiresAt" < now())
      ORDER BY "nextAttemptAt"
      LIMIT ${options.limit}
      FOR UPDATE SKIP LOCKED
    ), claimed AS (
      UPDATE "Notification" AS n
      SET "status" = 'SENDING', "attempts" = n."attempts" + 1, "updatedAt" = now(),
          "leaseExpiresAt" = now() + make_interval(secs => ${options.leaseSeconds})
      FROM due WHERE n."id" = due."id"
      RETURNING n."id", n."kind", n."attempts", n."inquiryId"
    )
    SELECT c."id", c."kind"::text AS "kind", c."attempts", i."referenceCode", i."urgency"::text AS "urgency"
    FROM claimed c JOIN "Inquiry" i ON i."id" = c."inquiryId"`;
}
