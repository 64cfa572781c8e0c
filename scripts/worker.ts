import { disconnectDb } from "@/lib/db/client";
import { startProcessWorker } from "@/lib/notifications/start-process-worker";
import { onShutdown, runShutdownHooks } from "@/lib/startup/shutdown-hooks";
import { startProcessTriageJobs } from "@/lib/triage/jobs/start-process-triage-jobs";
import { loadDevWorkerEnvironment } from "./support/load-dev-worker-environment";
import { loadProductionEnvironment } from "./support/load-production-environment";

// `npm run worker`: an outbox worker and the triage jobs on their own, for
// deployments that run WORKER_IN_PROCESS=false app servers. Any number may
// run; SKIP LOCKED and advisory locks share the work between them. Production
// unless NODE_ENV says development or test, and then it starts only as
// `npm start` would: valid environment, migrated database.
const log = (message: string) => console.log(`[worker] ${message}`);
const fail = (message: string): never => {
  console.error(`[worker] refusing to start:\n${message}`);
  process.exit(1);
};

async function main(): Promise<void> {
  const mode = process.env.NODE_ENV === "development" || process.env.NODE_ENV === "test" ? process.env.NODE_ENV : "production";
  Object.assign(process.env, { NODE_ENV: mode });
  if (mode === "production") await loadProductionEnvironment({ log, fail });
  else loadDevWorkerEnvironment({ log, fail });

  // Registered first, so it runs last (hooks run newest first).
  onShutdown("database pool", disconnectDb);
  startProcessWorker();
  startProcessTriageJobs();
  log("outbox worker and triage jobs running");

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void runShutdownHooks().then((failed) => {
      if (failed.length > 0) log(`shutdown incomplete: ${failed.join(", ")}`);
      process.exit(failed.length > 0 ? 1 : 0);
    });
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`[worker] could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
