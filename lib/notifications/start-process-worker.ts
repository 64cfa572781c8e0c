import "server-only";
import { logger } from "@/lib/logging/logger";
import { closeMailTransport } from "@/lib/notifications/mail-transport";
import { runOutboxWorker, type OutboxWorker } from "@/lib/notifications/run-outbox-worker";
import { onShutdown } from "@/lib/startup/shutdown-hooks";

const globalForWorker = globalThis as typeof globalThis & { iopOutboxWorker?: OutboxWorker };

// Starts the outbox worker once per process and stops it cleanly on shutdown,
// so a claimed notification is finished or released rather than abandoned.
// The process's owner (scripts/start.ts, scripts/worker.ts) handles signals
// and runs the shutdown hooks; this only registers its part.
export function startProcessWorker(): OutboxWorker {
  if (globalForWorker.iopOutboxWorker) return globalForWorker.iopOutboxWorker;
  const worker = runOutboxWorker();
  globalForWorker.iopOutboxWorker = worker;
  logger.info("outbox worker started");
  onShutdown("outbox worker", async () => {
    try {
      await worker.stop();
    } finally {
      closeMailTransport();
    }
  });
  return worker;
}
