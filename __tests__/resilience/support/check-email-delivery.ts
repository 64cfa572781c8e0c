import type { MailSink, ReceivedMail } from "./mail-sink";
import { NOTIFY_TO } from "./app-environment";
import { readInquiriesWithoutNotification, readNotifications, type StoredNotification } from "./stored-inquiries";
import { sleep } from "./wait";

export type EmailCheck = {
  notifications: number;
  notificationsFailed: number;
  notificationsUnfinished: number;
  /** Notifications that needed more than one claim (SMTP failure, or a lease that expired after a crash). */
  notificationsRetried: number;
  maxAttempts: number;
  emailsReceived: number;
  distinctMessageIds: number;
  /** The same Message-ID received again: a crash between SMTP acceptance and "sent" (at-least-once, recognisable). */
  redeliveries: number;
  inquiriesWithoutEmail: string[];
  inquiriesWithSeveralEmails: string[];
  /** Emails whose Message-ID is no notification's, whose subject names another code, or that went to the wrong address. */
  strayEmails: string[];
  deliveredWithinMs: number | undefined;
  /** When the last email arrived (ms since the epoch), if any did. */
  lastEmailAt: number | undefined;
};

const MESSAGE_ID = /^<([0-9a-f-]{36})@[^>]+>$/;

function notificationIdOf(mail: ReceivedMail): string | undefined {
  return MESSAGE_ID.exec(mail.messageId)?.[1];
}

function done(notifications: StoredNotification[], sink: MailSink): boolean {
  const seen = new Set(sink.received.map(notificationIdOf));
  return notifications.every((n) => n.status === "SENT" || n.status === "FAILED") && notifications.every((n) => n.status === "FAILED" || seen.has(n.id));
}

/**
 * Waits (at most `timeoutMs`) until every outbox row is settled and its email
 * has arrived, waits a moment longer for any stray extra email, then checks
 * that every inquiry got exactly one distinct email.
 */
export async function checkEmailDelivery(options: { databaseUrl: string; sink: MailSink; timeoutMs: number }): Promise<EmailCheck> {
  const started = Date.now();
  let notifications = await readNotifications(options.databaseUrl);
  let deliveredWithinMs: number | undefined;
  while (Date.now() - started < options.timeoutMs) {
    if (done(notifications, options.sink)) {
      deliveredWithinMs = Date.now() - started;
      break;
    }
    await sleep(500);
    notifications = await readNotifications(options.databaseUrl);
  }
  await sleep(2000);
  notifications = await readNotifications(options.databaseUrl);
  const mails = [...options.sink.received];
  const withoutNotification = await readInquiriesWithoutNotification(options.databaseUrl);

  const byNotification = new Map(notifications.map((n) => [n.id, n]));
  const messageIdsPerInquiry = new Map<string, Set<string>>();
  for (const n of notifications) messageIdsPerInquiry.set(n.referenceCode, messageIdsPerInquiry.get(n.referenceCode) ?? new Set());
  const strayEmails: string[] = [];
  for (const mail of mails) {
    const notification = byNotification.get(notificationIdOf(mail) ?? "");
    if (!notification) {
      strayEmails.push(`unknown Message-ID ${mail.messageId}`);
      continue;
    }
    if (!mail.subject.endsWith(` ${notification.referenceCode}`)) strayEmails.push(`${mail.messageId}: subject names another code`);
    if (mail.to.length !== 1 || mail.to[0] !== NOTIFY_TO) strayEmails.push(`${mail.messageId}: sent to ${mail.to.join(", ")}`);
    messageIdsPerInquiry.get(notification.referenceCode)?.add(mail.messageId);
  }
  const distinct = new Set(mails.map((mail) => mail.messageId)).size;
  return {
    notifications: notifications.length,
    notificationsFailed: notifications.filter((n) => n.status === "FAILED").length,
    notificationsUnfinished: notifications.filter((n) => n.status === "PENDING" || n.status === "SENDING").length,
    notificationsRetried: notifications.filter((n) => n.attempts > 1).length,
    maxAttempts: Math.max(0, ...notifications.map((n) => n.attempts)),
    emailsReceived: mails.length,
    distinctMessageIds: distinct,
    redeliveries: mails.length - distinct,
    inquiriesWithoutEmail: [
      ...withoutNotification,
      ...[...messageIdsPerInquiry].filter(([, ids]) => ids.size === 0).map(([code]) => code),
    ],
    inquiriesWithSeveralEmails: [...messageIdsPerInquiry].filter(([, ids]) => ids.size > 1).map(([code]) => code),
    strayEmails,
    deliveredWithinMs,
    lastEmailAt: mails.length > 0 ? Math.max(...mails.map((mail) => mail.receivedAt)) : undefined,
  };
}
