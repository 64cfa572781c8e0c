import "server-only";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logging/logger";
import { getMailTransport } from "@/lib/notifications/mail-transport";
import { escalationEmail } from "@/lib/triage/escalation-email";
import { findOverdueUrgentInquiries } from "@/lib/triage/find-overdue-urgent-inquiries";
import { getTriageSettings } from "@/lib/triage/triage-settings";

// Emails the escalation address about each urgent inquiry waiting past the
// target, once per inquiry. Sent directly through the one mail transport, not
// the outbox: the outbox's NotificationKind has no escalation kind (that needs
// a migration). "Once" rests on three things: callers hold the escalation
// advisory lock (one sender at a time across instances); escalatedAt is set,
// with its audit entry, right after the server accepted the message; and the
// Message-ID is derived from the inquiry, so if a process dies between the two
// the repeat carries the same id and mail systems can fold it. A failed send
// sets nothing and is tried again on the next tick.
export async function sendOverdueEscalations(options: { now?: Date } = {}): Promise<{ sent: number; failed: number }> {
  const settings = await getTriageSettings();
  if (!settings.escalationEmail) return { sent: 0, failed: 0 };
  const env = getEnv();
  const overdue = await findOverdueUrgentInquiries({ now: options.now ?? new Date(), settings });
  const transport = getMailTransport();
  const host = new URL(env.PUBLIC_URL).hostname;
  let sent = 0;
  let failed = 0;
  for (const inquiry of overdue) {
    const email = escalationEmail({
      referenceCode: inquiry.referenceCode,
      targetMinutes: settings.firstContactTargetMinutes,
      // The record's id, not anything about the person: it opens the record
      // after sign-in, and means nothing to anyone without an account.
      staffUrl: new URL(`/staff/inquiries/${inquiry.id}`, env.PUBLIC_URL).toString(),
    });
    try {
      await transport.sendMail({
        from: env.MAIL_FROM,
        to: settings.escalationEmail,
        subject: email.subject,
        text: email.text,
        messageId: `<escalation-${inquiry.id}@${host}>`,
        headers: { "X-Priority": "1", Importance: "high" },
      });
    } catch (err) {
      failed += 1;
      logger.warn({ err, inquiryId: inquiry.id }, "escalation email not sent; retrying on the next tick");
      continue;
    }
    await getDb().$transaction(async (tx) => {
      const marked = await tx.inquiry.updateMany({ where: { id: inquiry.id, escalatedAt: null }, data: { escalatedAt: new Date() } });
      if (marked.count === 0) return;
      await tx.auditEvent.create({
        data: {
          actorType: "SYSTEM",
          action: "inquiry.escalated",
          inquiryId: inquiry.id,
          metadata: { overdueMinutes: inquiry.overdueMinutes, targetMinutes: settings.firstContactTargetMinutes },
        },
      });
    });
    sent += 1;
  }
  return { sent, failed };
}
