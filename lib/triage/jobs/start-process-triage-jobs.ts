import "server-only";
import { logger } from "@/lib/logging/logger";
import { runTriageJobs, type TriageJobs } from "@/lib/triage/jobs/run-triage-jobs";

const globalForJobs = globalThis as typeof globalThis & { iopTriageJobs?: TriageJobs };

// Once per process, like the outbox worker it runs beside.
export function startProcessTriageJobs(): TriageJobs {
  if (!globalForJobs.iopTriageJobs) {
    globalForJobs.iopTriageJobs = runTriageJobs();
    logger.info("triage jobs started");
  }
  return globalForJobs.iopTriageJobs;
}
