import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { InquiryAuditAction } from "@/lib/audit/audit-actions";
import type { Prisma } from "@/lib/db/generated/client";
import type { TriageActor } from "@/lib/triage/access/triage-actor";

// Every staff read and change of an inquiry (the names: lib/audit/audit-actions.ts).
export type { InquiryAuditAction };

// `actor: null` is the system itself (round-robin assignment, duplicate flag
// on arrival).
export async function recordInquiryAuditEvent(options: {
  tx: Prisma.TransactionClient;
  actor: TriageActor | null;
  action: InquiryAuditAction;
  inquiryId: string;
  metadata?: Prisma.InputJsonObject;
}): Promise<void> {
  const { actor } = options;
  await recordAuditEvent({
    tx: options.tx,
    actorType: actor ? "STAFF" : "SYSTEM",
    actorId: actor?.user.id,
    action: options.action,
    inquiryId: options.inquiryId,
    request: actor ? { ipHash: null, userAgent: actor.request.userAgent } : undefined,
    ipAddress: actor?.request.ipAddress ?? null,
    metadata: options.metadata,
  });
}
