import "server-only";
import type { SendMailOptions, Transporter } from "nodemailer";
import type { Pool } from "pg";
import { getEnv } from "@/lib/env";
import { describeError, logger } from "@/lib/logging/logger";
import { retryDelayMs } from "@/lib/notifications/backoff";
import type { ClaimedNotification } from "@/lib/notifications/claim-due-notifications";
import type { Limiter } from "@/lib/notifications/limiter";
import { sendFhirNotification } from "@/lib/fhir/send-fhir-notification";
import { composeNotificationEmail, NoRecipientError } from "@/lib/notifications/compose-notification-email";
import { retryWrite } from "@/lib/notifications/retry-write";
import type { SendAttempt } from "@/lib/notifications/send-attempt";
import { sendWebhookNotification } from "@/lib/webhooks/send-webhook-notification";

// The bookkeeping after a send is retried for a few seconds (well inside the
// shortest lease NOTIFY_LEASE_SECONDS allows): if the connection dies right
// after the SMTP server accepted a message, losing the "sent" update would
// mean sending the email again when the lease expires.
const BOOKKEEPING_ATTEMPTS = 6;
const BOOKKEEPING_BASE_DELAY_MS = 200;

// Both updates only touch a row this worker still holds (status SENDING), so
// repeating one whose first attempt committed changes nothing.
const MARK_SENT_SQL = `
UPDATE "Notification" SET "status" = 'SENT', "sentAt" = now(), "leaseExpiresAt" = NULL, "lastError" = NULL, "updatedAt" = now()
WHERE "id" = $1::uuid AND "status" = 'SENDING'`;

// Hands a claimed row back untouched by this attempt (see sendBy below).
const RELEASE_SQL = `
UPDATE "Notification" SET "status" = 'PENDING', "attempts" = "attempts" - 1, "leaseExpiresAt" = NULL, "updatedAt" = now()
WHERE "id" = $1::uuid AND "status" = 'SENDING'`;

const MARK_FAILED_SQL = `
UPDATE "Notification" SET "status" = $2::"NotificationStatus", "nextAttemptAt" = now() + make_interval(secs => $3::float8),
  "leaseExpiresAt" = NULL, "lastError" = $4, "updatedAt" = now()
WHERE "id" = $1::uuid AND "status" = 'SENDING'`;

// Sends one claimed notification and records the outcome. The Message-ID (or
// webhook-id) is derived from the notification id, so if a worker dies after
// the receiver accepted a message but before it was marked sent, the retry
// carries the same id and the receiver can recognise the duplicate.
//
// The send itself runs in one of `sendSlot`'s slots (one per SMTP connection),
// the bookkeeping outside it, so a database round trip never holds a slot.
// `sendBy` (epoch ms) is when this worker stops starting sends for its claim:
// a message that waited too long for a slot (a slow mail server) would
// otherwise be sent after its lease ran out, while another worker sends it
// too. Such a row is handed back for an immediate new claim instead.
export async function deliverNotification(options: {
  pool: Pool;
  transport: Transporter;
  sendSlot: Limiter;
  notification: ClaimedNotification;
  sendBy: number;
}): Promise<"sent" | "retry" | "failed" | "released"> {
  const { notification } = options;
  const attempt = await attemptDelivery(options);
  if (attempt.kind === "late") {
    await bookkeeping(options.pool, notification, { name: "release-notification-v1", text: RELEASE_SQL, values: [notification.id] });
    logger.warn({ notificationId: notification.id }, "notification released unsent: too late in its lease to start");
    return "released";
  }
  if (attempt.kind === "failed") return recordFailure(options.pool, notification, attempt.lastError);
  await bookkeeping(options.pool, notification, { name: "mark-notification-sent-v1", text: MARK_SENT_SQL, values: [notification.id] });
  logger.info({ notificationId: notification.id, kind: notification.kind, attempts: notification.attempts }, "notification sent");
  return "sent";
}

// Every outgoing message is a row of this one outbox; only the last step
// differs by kind (an email through the SMTP slots, or a signed webhook).
async function attemptDelivery(options: Parameters<typeof deliverNotification>[0]): Promise<SendAttempt> {
  if (options.notification.kind === "WEBHOOK") return sendWebhookNotification(options);
  if (options.notification.kind === "FHIR_EXPORT") return sendFhirNotification(options);
  let message: SendMailOptions;
  try {
    message = await composeNotificationEmail(options.notification);
  } catch (error) {
    return { kind: "failed", lastError: error instanceof NoRecipientError ? "no recipient configured" : describeMailError(error) };
  }
  return options.sendSlot(() => attemptSend(options.transport, options.sendBy, message));
}

async function attemptSend(transport: Transporter, sendBy: number, message: SendMailOptions): Promise<SendAttempt> {
  if (Date.now() > sendBy) return { kind: "late" };
  try {
    await transport.sendMail(message);
    return { kind: "sent" };
  } catch (error) {
    return { kind: "failed", lastError: describeMailError(error) };
  }
}

// Only the error's class and codes are kept: SMTP replies can quote addresses.
function describeMailError(error: unknown): string {
  const { type, code } = describeError(error);
  const responseCode = (error as { responseCode?: unknown }).responseCode;
  return [type, code, typeof responseCode === "number" ? `SMTP ${responseCode}` : undefined].filter(Boolean).join(" ");
}

async function recordFailure(pool: Pool, notification: ClaimedNotification, lastError: string) {
  const env = getEnv();
  const givingUp = notification.attempts >= env.NOTIFY_MAX_ATTEMPTS;
  const delayMs = retryDelayMs({ attempts: notification.attempts, baseMs: env.NOTIFY_RETRY_BASE_MS });
  await bookkeeping(pool, notification, {
    name: "mark-notification-failed-v1",
    text: MARK_FAILED_SQL,
    values: [notification.id, givingUp ? "FAILED" : "PENDING", delayMs / 1000, lastError.slice(0, 500)],
  });
  logger.warn({ notificationId: notification.id, attempts: notification.attempts, lastError, givingUp }, "notification not sent");
  return givingUp ? "failed" : "retry";
}

// If every attempt fails the row keeps its lease and is claimed again when it
// expires: no notification is lost, at worst sent twice with one Message-ID.
async function bookkeeping(pool: Pool, notification: ClaimedNotification, query: { name: string; text: string; values: unknown[] }) {
  try {
    await retryWrite({
      run: () => pool.query(query),
      attempts: BOOKKEEPING_ATTEMPTS,
      baseDelayMs: BOOKKEEPING_BASE_DELAY_MS,
      onRetry: (attempt, err) => logger.warn({ err, notificationId: notification.id, attempt, update: query.name }, "outbox update failed; retrying"),
    });
  } catch (err) {
    logger.error({ err, notificationId: notification.id, update: query.name }, "outbox update failed; the row is retried when its lease expires");
  }
}
