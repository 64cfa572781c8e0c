import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { ActorType } from "@/lib/db/generated/enums";

// Written inside the same transaction as the change it describes, so there is
// never a change without its audit row, nor an audit row for a change that
// rolled back. The table is append-only (a trigger refuses UPDATE and DELETE).
// The public form's address is kept only as ipHash; a staff member's address is
// not patient data and is kept as is (ipAddress), like the sign-in events.
export type RequestMetadata = { ipHash: string | null; userAgent: string | null };

export async function recordAuditEvent(options: {
  tx: Prisma.TransactionClient;
  actorType: ActorType;
  actorId?: string;
  action: string;
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
