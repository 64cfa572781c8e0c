import "server-only";
import type { SendMailOptions } from "nodemailer";
import { getEnv } from "@/lib/env";
import type { ClaimedNotification } from "@/lib/notifications/claim-due-notifications";
import { escalationEmail } from "@/lib/notifications/templates/escalation-email";
import { newInquiryEmail } from "@/lib/notifications/templates/new-inquiry-email";
import { getTriageSettings } from "@/lib/triage/settings/triage-settings";

export class NoRecipientError extends Error {}

// The message for an email row of the outbox. The Message-ID is derived from
// the outbox row's id, so a retry after a crash between the SMTP server's
// acceptance and the "sent" bookkeeping carries the same id and mail systems
// fold the two copies.
export async function composeNotificationEmail(notification: ClaimedNotification): Promise<SendMailOptions> {
  const env = getEnv();
  const host = new URL(env.PUBLIC_URL).hostname;
  const messageId = `<${notification.id}@${host}>`;
  const urgentHeaders = { "X-Priority": "1", Importance: "high" };
  if (notification.kind === "ESCALATION") {
    // The address is read when the message goes out, so a corrected address
    // in the settings reaches a message that is still being retried.
    const settings = await getTriageSettings();
    if (!settings.escalationEmail) throw new NoRecipientError("no escalation address is set");
    const targetMinutes = Number(notification.eventData.targetMinutes ?? settings.firstContactTargetMinutes);
    const email = escalationEmail({
      referenceCode: notification.referenceCode,
      targetMinutes,
      // The record's id, not anything about the person: it opens the record
      // after sign-in, and means nothing to anyone without an account.
      staffUrl: new URL(`/staff/inquiries/${notification.inquiryId}`, env.PUBLIC_URL).toString(),
    });
    return { from: env.MAIL_FROM, to: settings.escalationEmail, subject: email.subject, text: email.text, messageId, headers: urgentHeaders };
  }
  const urgent = notification.urgency === "URGENT";
  const email = newInquiryEmail({ referenceCode: notification.referenceCode, urgent, staffUrl: new URL("/staff", env.PUBLIC_URL).toString() });
  return { from: env.MAIL_FROM, to: env.INTAKE_NOTIFY_TO, subject: email.subject, text: email.text, messageId, headers: urgent ? urgentHeaders : {} };
}
