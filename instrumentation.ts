// Runs once when a Next.js server process starts. It validates the whole
// configuration first, so a bad variable stops the server at start-up with a
// clear message, then starts this process's outbox worker (unless workers run
// separately: WORKER_IN_PROCESS=false and `npm run worker`).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("@/lib/env");
  const env = getEnv();
  if (!env.WORKER_IN_PROCESS) return;
  const { startProcessWorker } = await import("@/lib/notifications/start-process-worker");
  startProcessWorker();
}
