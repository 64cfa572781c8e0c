import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

// Where each periodic job has got to, one row per job, shared by every
// instance (the jobs themselves run under an advisory lock or are
// idempotent, so a stale read only repeats harmless work).
export type JobName = "triage.arrivals" | "retention.purge";

export async function readJobState(job: JobName): Promise<Prisma.JsonValue | null> {
  const row = await getDb().jobState.findUnique({ where: { job }, select: { state: true } });
  return row?.state ?? null;
}

export async function saveJobState(options: { job: JobName; state: Prisma.InputJsonObject; tx?: Prisma.TransactionClient }): Promise<void> {
  const client = options.tx ?? getDb();
  const updatedAt = new Date();
  await client.jobState.upsert({
    where: { job: options.job },
    create: { job: options.job, state: options.state, updatedAt },
    update: { state: options.state, updatedAt },
  });
}
