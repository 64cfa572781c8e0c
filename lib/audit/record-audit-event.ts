import "server-only";
import type { AuditAction, SystemAuditAction } from "@/lib/audit/audit-actions";
import type { Prisma } from "@/lib/db/generated/client";
import type { ActorType } from "@/lib/db/generated/enums";

// The one writer of the audit trail (a unit test holds every other file to
// it; the two single-statement paths, the public submission and the webhook
// pause, insert in SQL with a name from the same typed list). Written inside
// the same transaction as the change it describes, so there is never a change
// without its audit row, nor an audit row for a change that rolled back. The
// table is append-only (a trigger and the runtime role's grants refuse UPDATE
// and DELETE). The public form's address is kept only as ipHash; a staff
// member's address is not patient data and is kept as is (ipAddress), like
// the sign-in events.
export type RequestMetadata = { ipHash: string | null; userAgent: string | null };
// A transaction, or the client itself for an event that stands alone.
type AuditClient = Pick<Prisma.TransactionClient, "auditEvent">;

export async function recordAuditEvent(options: {
  tx: AuditClient;
  actorType: ActorType;
  actorId?: string;
  action: AuditAction;
  inquiryId?: string;
  request?: RequestMetadata;
  ipAddress?: string | null;
  metadata?: Prisma.InputJsonObject;
}): Promise<void> {
  await options.tx.auditEvent.create({
    data: {
      actorType: options.actorType,
      actorId: options.actorId ?? null,
      action: options.action,
      inquiryId: options.inquiryId ?? null,
      ipHash: options.request?.ipHash ?? null,
      userAgent: options.request?.userAgent?.slice(0, 256) ?? null,
      ipAddress: options.ipAddress?.slice(0, 45) ?? null,
      metadata: options.metadata ?? {},
    },
  });
}

// One system action on many inquiries at once (the retention purge's batch
// of 500), as one INSERT.
export async function recordSystemAuditEvents(options: {
  tx: AuditClient;
  action: SystemAuditAction;
  inquiryIds: readonly string[];
  metadata: Prisma.InputJsonObject;
}): Promise<void> {
  if (options.inquiryIds.length === 0) return;
  await options.tx.auditEvent.createMany({
    data: options.inquiryIds.map((inquiryId) => ({ actorType: "SYSTEM" as const, action: options.action, inquiryId, metadata: options.metadata })),
  });
}
