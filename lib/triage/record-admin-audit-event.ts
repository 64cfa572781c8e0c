import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Prisma } from "@/lib/db/generated/client";
import type { TriageActor } from "@/lib/triage/triage-actor";

// Administration of the triage: retention, legal holds, exports, settings,
// notification retries. Metadata holds ids, counts, settings values and the
// admin's stated reason: never an answer, a note or a contact detail.
export type AdminAuditAction =
  | "inquiry.legal_hold.placed"
  | "inquiry.legal_hold.lifted"
  | "inquiry.deleted_on_request"
  | "inquiry.exported"
  | "notification.retried"
  | "triage.settings.updated"
  | "triage.stages.updated"
  | "triage.exit_reason.saved"
  | "triage.referral_source.saved"
  | "triage.payer.saved"
  | "staff.languages.updated"
  | "webhook.created"
  | "webhook.secret_rotated"
  | "webhook.paused"
  | "webhook.resumed"
  | "webhook.deleted"
  | "webhook.tested";

export async function recordAdminAuditEvent(options: {
  tx: Prisma.TransactionClient;
  actor: TriageActor;
  action: AdminAuditAction;
  inquiryId?: string;
  metadata?: Prisma.InputJsonObject;
}): Promise<void> {
  await recordAuditEvent({
    tx: options.tx,
    actorType: "STAFF",
    actorId: options.actor.user.id,
    action: options.action,
    inquiryId: options.inquiryId,
    request: { ipHash: null, userAgent: options.actor.request.userAgent },
    ipAddress: options.actor.request.ipAddress,
    metadata: options.metadata,
  });
}
