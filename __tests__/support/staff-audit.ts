import { getDb } from "@/lib/db/client";

// AuditEvent rows reduced to what the staff-access tests compare: who acted,
// what, from where, and on which account.
export type AuditSummary = {
  action: string;
  actorId: string | null;
  ipAddress: string | null;
  subjectUserId: string | null;
};

export type AuditRow = {
  id: bigint;
  action: string;
  actorType: string;
  actorId: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  inquiryId: string | null;
  ipHash: string | null;
  metadata: unknown;
};

function subjectOf(metadata: unknown): string | null {
  if (typeof metadata !== "object" || metadata === null || !("subjectUserId" in metadata)) return null;
  const value = metadata.subjectUserId;
  return typeof value === "string" ? value : null;
}

export function summarise(row: AuditRow): AuditSummary {
  return { action: row.action, actorId: row.actorId, ipAddress: row.ipAddress, subjectUserId: subjectOf(row.metadata) };
}

export async function allAuditRows(): Promise<AuditRow[]> {
  return getDb().auditEvent.findMany({ orderBy: { id: "asc" } });
}

export async function auditRowsWithAction(action: string): Promise<AuditRow[]> {
  return getDb().auditEvent.findMany({ where: { action }, orderBy: { id: "asc" } });
}

// Reads the rows written since the previous call, so each step of a scenario
// can be checked for exactly the events it caused.
export function auditCursor(): { next(): Promise<AuditRow[]>; nextSummaries(): Promise<AuditSummary[]> } {
  let last = BigInt(0);
  const next = async () => {
    const rows = await getDb().auditEvent.findMany({ where: { id: { gt: last } }, orderBy: { id: "asc" } });
    last = rows.at(-1)?.id ?? last;
    return rows;
  };
  return { next, nextSummaries: async () => (await next()).map(summarise) };
}
