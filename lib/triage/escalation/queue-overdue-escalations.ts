import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { OUTBOX_CHANNEL } from "@/lib/notifications/outbox-channel";
import { findOverdueUrgentInquiries } from "@/lib/triage/escalation/find-overdue-urgent-inquiries";
import { getTriageSettings } from "@/lib/triage/settings/triage-settings";
import { enqueueWebhookEvent } from "@/lib/webhooks/enqueue-webhook-event";

// Escalates each urgent inquiry waiting past the target, once per inquiry:
// one transaction marks it escalated, writes its audit entry, and queues the
// escalation email (and any "inquiry.escalated" webhooks) as outbox rows. The
// outbox worker sends them with retries, backoff, a FAILED state the admins
// see, and a Message-ID derived from the row, so a crash between the mail
// server's acceptance and the bookkeeping never produces a second, different
// copy. The escalatedAt guard makes concurrent ticks (or a tick racing this
// one on another instance) queue nothing twice.
export async function queueOverdueEscalations(options: { now?: Date } = {}): Promise<{ queued: number }> {
  const settings = await getTriageSettings();
  if (!settings.escalationEmail) return { queued: 0 };
  const overdue = await findOverdueUrgentInquiries({ now: options.now ?? new Date(), settings });
  let queued = 0;
  for (const inquiry of overdue) {
    const marked = await getDb().$transaction(async (tx) => {
      const updated = await tx.inquiry.updateMany({ where: { id: inquiry.id, escalatedAt: null }, data: { escalatedAt: new Date() } });
      if (updated.count === 0) return false;
      const facts = { overdueMinutes: inquiry.overdueMinutes, targetMinutes: settings.firstContactTargetMinutes };
      await tx.notification.create({ data: { kind: "ESCALATION", inquiryId: inquiry.id, eventData: facts } });
      await recordAuditEvent({ tx, actorType: "SYSTEM", action: "inquiry.escalated", inquiryId: inquiry.id, metadata: facts });
      await enqueueWebhookEvent({ tx, inquiryId: inquiry.id, event: "inquiry.escalated", eventData: { stage: "NEW" } });
      await tx.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, 'escalation')`;
      return true;
    });
    if (marked) queued += 1;
  }
  return { queued };
}
