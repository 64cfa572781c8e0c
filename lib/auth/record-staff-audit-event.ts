import "server-only";
import type { StaffAuditAction } from "@/lib/audit/audit-actions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Prisma } from "@/lib/db/generated/client";
import { getDb } from "@/lib/db/client";
import type { StaffRequest } from "@/lib/auth/staff-request";
import { countStaffSignIn } from "@/lib/metrics/staff-sign-in-metrics";

// Audit rows for staff-area events: sign-ins (good and bad), sign-outs, MFA
// changes, invitations, role changes, disabling. `actorId` is the staff user
// who acted (null when nobody is signed in, e.g. a failed sign-in for an
// unknown address); `subjectUserId` in metadata names the account acted on.
// Changes made in a transaction pass `tx` so the row commits with them.
export type { StaffAuditAction };

export async function recordStaffAuditEvent(options: {
  action: StaffAuditAction;
  actorId: string | null;
  request: Pick<StaffRequest, "ipAddress" | "userAgent"> | null;
  metadata?: Prisma.InputJsonObject;
  tx?: Prisma.TransactionClient;
}): Promise<void> {
  await recordAuditEvent({
    tx: options.tx ?? getDb(),
    actorType: options.actorId ? "STAFF" : "SYSTEM",
    actorId: options.actorId ?? undefined,
    action: options.action,
    request: { ipHash: null, userAgent: options.request?.userAgent ?? null },
    ipAddress: options.request?.ipAddress ?? null,
    metadata: options.metadata,
  });
  countStaffSignIn(options.action);
}
