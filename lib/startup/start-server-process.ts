import "server-only";
import { disconnectDb } from "@/lib/db/client";
import { getEnv, InvalidEnvironmentError } from "@/lib/env";
import { startProcessWorker } from "@/lib/notifications/start-process-worker";
import { onShutdown } from "@/lib/startup/shutdown-hooks";
import { startProcessTriageJobs } from "@/lib/triage/jobs/start-process-triage-jobs";

// Validates the whole configuration first, so a bad variable stops the server
// at start-up with a message naming it (rather than answering every request
// with an error), then starts this process's outbox worker and triage jobs
// (escalations, the daily retention purge) unless workers run separately
// (WORKER_IN_PROCESS=false and `npm run worker`).
export function startServerProcess(): void {
  let env;
  try {
    env = getEnv();
  } catch (error) {
    if (!(error instanceof InvalidEnvironmentError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  // Registered before the workers, so it runs after them (hooks run newest
  // first): they may still write while they finish.
  onShutdown("database pool", disconnectDb);
  if (env.WORKER_IN_PROCESS) {
    startProcessWorker();
    startProcessTriageJobs();
  }
}
