import "server-only";
import { logger } from "@/lib/logging/logger";
import { onShutdown } from "@/lib/startup/shutdown-hooks";
import { runTriageJobs, type TriageJobs } from "@/lib/triage/jobs/run-triage-jobs";

const globalForJobs = globalThis as typeof globalThis & { iopTriageJobs?: TriageJobs };

// Once per process, like the outbox worker it runs beside.
export function startProcessTriageJobs(): TriageJobs {
  if (!globalForJobs.iopTriageJobs) {
    const jobs = runTriageJobs();
    globalForJobs.iopTriageJobs = jobs;
    // A tick in progress (a purge batch, an escalation) finishes before exit.
    onShutdown("triage jobs", () => jobs.stop());
    logger.info("triage jobs started");
  }
  return globalForJobs.iopTriageJobs;
}
