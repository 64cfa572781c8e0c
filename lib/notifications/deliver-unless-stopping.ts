import "server-only";
import type { Transporter } from "nodemailer";
import type { Pool } from "pg";
import { logger } from "@/lib/logging/logger";
import type { ClaimedNotification } from "@/lib/notifications/claim-due-notifications";
import { deliverNotification } from "@/lib/notifications/deliver-notification";
import type { Limiter } from "@/lib/notifications/limiter";

// Hands a claimed row back exactly as the claim found it (the claim counted an
// attempt that never happened), for any worker to claim at once.
const RELEASE_UNSENT_SQL = `
UPDATE "Notification" SET "status" = 'PENDING', "attempts" = "attempts" - 1, "leaseExpiresAt" = NULL, "updatedAt" = now()
WHERE "id" = $1::uuid AND "status" = 'SENDING'`;

class StoppingBeforeSend extends Error {}

// Graceful shutdown for one claimed notification: a send already under way is
// finished and recorded; one still waiting for an SMTP slot when the worker
// stops is released unsent, so a stopping worker neither abandons its claim
// (which would wait for the lease to expire) nor holds the shutdown up behind
// a queue of sends.
export async function deliverUnlessStopping(options: {
  pool: Pool;
  transport: Transporter;
  sendSlot: Limiter;
  notification: ClaimedNotification;
  sendBy: number;
  isStopping: () => boolean;
}): Promise<Awaited<ReturnType<typeof deliverNotification>>> {
  const { isStopping, ...delivery } = options;
  const gatedSlot: Limiter = (task) => options.sendSlot(() => (isStopping() ? Promise.reject(new StoppingBeforeSend()) : task()));
  try {
    return await deliverNotification({ ...delivery, sendSlot: gatedSlot });
  } catch (error) {
    if (!(error instanceof StoppingBeforeSend)) throw error;
    await options.pool.query({ name: "release-unsent-notification-v1", text: RELEASE_UNSENT_SQL, values: [options.notification.id] });
    logger.info({ notificationId: options.notification.id }, "notification released unsent: worker stopping");
    return "released";
  }
}
