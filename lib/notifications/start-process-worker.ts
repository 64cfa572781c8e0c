import "server-only";
import { logger } from "@/lib/logging/logger";
import { closeMailTransport } from "@/lib/notifications/mail-transport";
import { runOutboxWorker, type OutboxWorker } from "@/lib/notifications/run-outbox-worker";

const globalForWorker = globalThis as typeof globalThis & { iopOutboxWorker?: OutboxWorker };

// Starts the outbox worker once per process and stops it cleanly on shutdown,
// so a claimed notification is finished or released rather than abandoned.
export function startProcessWorker(): OutboxWorker {
  if (globalForWorker.iopOutboxWorker) return globalForWorker.iopOutboxWorker;
  const worker = runOutboxWorker();
  globalForWorker.iopOutboxWorker = worker;
  logger.info("outbox worker started");
  const shutdown = (signal: NodeJS.Signals) => {
    void worker.stop().finally(() => {
      closeMailTransport();
      process.exit(signal === "SIGINT" ? 130 : 143);
    });
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
  return worker;
}
