import "server-only";
import { getDb } from "@/lib/db/client";
import { readJobState, saveJobState } from "@/lib/triage/jobs/job-state";
import { autoAssignInquiry } from "@/lib/triage/pipeline/auto-assign-inquiry";
import { flagPossibleDuplicate } from "@/lib/triage/duplicates/flag-possible-duplicate";

const BATCH_SIZE = 200;

// After an inquiry is stored (the submission path stays one statement and
// knows nothing of triage), the next tick flags it as a possible duplicate
// and, when round-robin is on, assigns it. The position reached is kept as
// the job's state, so a restart or another instance carries on where the
// last run stopped; both steps are idempotent, so a crash between them and
// the saved position only repeats harmless work.
export async function processNewArrivals(): Promise<{ processed: number }> {
  const db = getDb();
  const cursor = readCursor(await readJobState("triage.arrivals"));
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
    await saveJobState({ job: "triage.arrivals", state: { createdAt: last.createdAt.toISOString(), id: last.id } });
  }
  return { processed: arrivals.length };
}

function readCursor(state: unknown): { createdAt: Date; id: string } | null {
  if (!state || typeof state !== "object") return null;
  const { createdAt, id } = state as Record<string, unknown>;
  return typeof createdAt === "string" && typeof id === "string" ? { createdAt: new Date(createdAt), id } : null;
}
