import "server-only";
import type { Transporter } from "nodemailer";
import type { Db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { describeError, logger } from "@/lib/logging/logger";
import { retryDelayMs } from "@/lib/notifications/backoff";
import type { ClaimedNotification } from "@/lib/notifications/claim-due-notifications";
import { newInquiryEmail } from "@/lib/notifications/new-inquiry-email";

// Sends one claimed notification and records the outcome. The Message-ID is
// derived from the notification id, so if a worker dies after the SMTP server
// accepted a message but before it was marked sent, the retry carries the
// same Message-ID and mail systems can recognise the duplicate.
export async function deliverNotification(options: {
  db: Db;
  transport: Transporter;
  notification: ClaimedNotification;
}): Promise<"sent" | "retry" | "failed"> {
  const env = getEnv();
  const { notification } = options;
  const host = new URL(env.PUBLIC_URL).hostname;
  const email = newInquiryEmail({
    referenceCode: notification.referenceCode,
    urgent: notification.urgency === "URGENT",
    staffUrl: new URL("/staff", env.PUBLIC_URL).toString(),
  });
  try {
    await options.transport.sendMail({
      from: env.MAIL_FROM,
      to: env.INTAKE_NOTIFY_TO,
      subject: email.subject,
      text: email.text,
      messageId: `<${notification.id}@${host}>`,
      headers: notification.urgency === "URGENT" ? { "X-Priority": "1", Importance: "high" } : {},
    });
  } catch (error) {
    return recordFailure(options.db, notification, error);
  }
  await options.db.$executeRaw`
    UPDATE "Notification" SET "status" = 'SENT', "sentAt" = now(), "leaseExpiresAt" = NULL,
      "lastError" = NULL, "updatedAt" = now()
    WHERE "id" = ${notification.id}::uuid AND "status" = 'SENDING'`;
  logger.info({ notificationId: notification.id, attempts: notification.attempts }, "notification sent");
  return "sent";
}

async function recordFailure(db: Db, notification: ClaimedNotification, error: unknown) {
  const env = getEnv();
  // Only the error's class and codes are kept: SMTP replies can quote addresses.
  const { type, code } = describeError(error);
  const responseCode = (error as { responseCode?: unknown }).responseCode;
  const lastError = [type, code, typeof responseCode === "number" ? `SMTP ${responseCode}` : undefined].filter(Boolean).join(" ");
  const givingUp = notification.attempts >= env.NOTIFY_MAX_ATTEMPTS;
  const delayMs = retryDelayMs({ attempts: notification.attempts, baseMs: env.NOTIFY_RETRY_BASE_MS });
  await db.$executeRaw`
    UPDATE "Notification" SET
      "status" = ${givingUp ? "FAILED" : "PENDING"}::"NotificationStatus",
      "nextAttemptAt" = now() + make_interval(secs => ${delayMs / 1000}),
      "leaseExpiresAt" = NULL, "lastError" = ${lastError.slice(0, 500)}, "updatedAt" = now()
    WHERE "id" = ${notification.id}::uuid AND "status" = 'SENDING'`;
  logger.warn({ notificationId: notification.id, attempts: notification.attempts, lastError, givingUp }, "notification not sent");
  return givingUp ? "failed" : "retry";
}
