import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { getDb } from "@/lib/db/client";
import type { AuditFilter } from "@/lib/validations/audit-filter";

export const AUDIT_PAGE_SIZE = 50;

export type AuditRow = {
  id: string;
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  action: string;
  inquiryId: string | null;
  subjectUserId: string | null;
  ipAddress: string | null;
};

// Newest first, keyset-paginated on the id (an identity column, so ordering by
// it is ordering by insertion and needs no OFFSET scan).
export async function listAuditEvents(filter: AuditFilter): Promise<{ rows: AuditRow[]; nextBefore: string | null }> {
  const where: Prisma.AuditEventWhereInput = {
    ...(filter.actor ? { actorId: filter.actor } : {}),
    ...(filter.action ? { action: { startsWith: filter.action } } : {}),
    ...(filter.record ? { OR: [{ inquiryId: filter.record }, { metadata: { path: ["invitationId"], equals: filter.record } }] } : {}),
    ...(filter.before ? { id: { lt: BigInt(filter.before) } } : {}),
    occurredAt: {
      ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
      ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
    },
  };
  const events = await getDb().auditEvent.findMany({ where, orderBy: { id: "desc" }, take: AUDIT_PAGE_SIZE + 1 });
  const rows = events.slice(0, AUDIT_PAGE_SIZE).map((event) => {
    const metadata = event.metadata as Record<string, unknown> | null;
    return {
      id: event.id.toString(),
      occurredAt: event.occurredAt,
      actorType: event.actorType,
      actorId: event.actorId,
      action: event.action,
      inquiryId: event.inquiryId,
      subjectUserId: typeof metadata?.subjectUserId === "string" ? metadata.subjectUserId : null,
      ipAddress: event.ipAddress,
    };
  });
  const last = rows.at(-1);
  return { rows, nextBefore: events.length > AUDIT_PAGE_SIZE && last ? last.id : null };
}
