import { getEnv } from "@/lib/env";
import { runOutboxWorker } from "@/lib/notifications/run-outbox-worker";
import { closeMailTransport } from "@/lib/notifications/mail-transport";
import { runTriageJobs } from "@/lib/triage/jobs/run-triage-jobs";
import { prepareLocalEnvironment } from "./support/prepare-local-environment";

// `npm run worker`: an outbox worker and the triage jobs on their own, for
// deployments that run WORKER_IN_PROCESS=false app servers. Any number may
// run; SKIP LOCKED and advisory locks share the work between them.
async function main(): Promise<void> {
  const log = (message: string) => console.log(`[worker] ${message}`);
  const environment = await prepareLocalEnvironment({ dev: process.env.NODE_ENV !== "production", log });
  getEnv();
  const worker = runOutboxWorker();
  const jobs = runTriageJobs();
  log("outbox worker and triage jobs running");
  const shutdown = () => {
    void Promise.all([worker.stop(), jobs.stop()]).then(async () => {
      closeMailTransport();
      await environment.stop();
      process.exit(0);
    });
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  console.error(`[worker] could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
