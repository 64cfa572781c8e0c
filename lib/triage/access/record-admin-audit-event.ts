import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AdminAuditAction } from "@/lib/audit/audit-actions";
import type { Prisma } from "@/lib/db/generated/client";
import type { TriageActor } from "@/lib/triage/access/triage-actor";

// Administration of the triage: retention, legal holds, exports, settings,
// notification retries, webhooks (the names: lib/audit/audit-actions.ts).
export type { AdminAuditAction };

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
