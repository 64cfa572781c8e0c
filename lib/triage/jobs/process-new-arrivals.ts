import "server-only";
import { getDb } from "@/lib/db/client";
import { autoAssignInquiry } from "@/lib/triage/auto-assign-inquiry";
import { flagPossibleDuplicate } from "@/lib/triage/flag-possible-duplicate";

const BATCH_SIZE = 200;
const MARKER = "triage.arrivals.processed";

// After an inquiry is stored (the submission path stays one statement and
// knows nothing of triage), the next tick flags it as a possible duplicate
// and, when round-robin is on, assigns it. The position reached is kept in a
// SYSTEM audit row, so a restart or another instance carries on where the
// last run stopped; both steps are idempotent, so a crash between them and
// the marker only repeats harmless work.
export async function processNewArrivals(): Promise<{ processed: number }> {
  const db = getDb();
  const marker = await db.auditEvent.findFirst({ where: { action: MARKER }, orderBy: { id: "desc" }, select: { metadata: true } });
  const cursor = readCursor(marker?.metadata);
  const arrivals = await db.inquiry.findMany({
    where: cursor
      ? { OR: [{ createdAt: { gt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { gt: cursor.id } }] }
      : { createdAt: { gt: new Date(Date.now() - 24 * 3_600_000) } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: BATCH_SIZE,
    select: { id: true, createdAt: true },
  });
  for (const arrival of arrivals) {
    await flagPossibleDuplicate({ inquiryId: arrival.id });
    await autoAssignInquiry({ inquiryId: arrival.id });
  }
  const last = arrivals.at(-1);
  if (last) {
    await db.auditEvent.create({
      data: { actorType: "SYSTEM", action: MARKER, metadata: { createdAt: last.createdAt.toISOString(), id: last.id, count: arrivals.length } },
    });
  }
  return { processed: arrivals.length };
}

function readCursor(metadata: unknown): { createdAt: Date; id: string } | null {
  if (!metadata || typeof metadata !== "object") return null;
  const { createdAt, id } = metadata as Record<string, unknown>;
  return typeof createdAt === "string" && typeof id === "string" ? { createdAt: new Date(createdAt), id } : null;
}
