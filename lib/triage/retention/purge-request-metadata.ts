import "server-only";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";

// A public submission's address hash and User-Agent serve abuse control only
// (spotting a flood from one source). They are deleted once older than
// REQUEST_METADATA_RETENTION_HOURS, on every triage tick; the rate-limit
// counters keyed by the same hash expire with their window
// (lib/security/rate-limit.ts). Anonymisation removes them at once.
export async function purgeRequestMetadata(options: { now?: Date } = {}): Promise<number> {
  const hours = getEnv().REQUEST_METADATA_RETENTION_HOURS;
  const cutoff = new Date((options.now ?? new Date()).getTime() - hours * 3_600_000);
  const { count } = await getDb().submissionTrace.deleteMany({ where: { createdAt: { lt: cutoff } } });
  return count;
}
