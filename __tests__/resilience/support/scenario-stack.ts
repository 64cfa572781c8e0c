import { appEnvironment, randomSecrets, type AppSecrets } from "./app-environment";
import { APP_HOSTNAME, startAppProcess, type AppProcess } from "./app-process";
import { createFreshDatabase, type FreshDatabase } from "./fresh-database";
import { freePort as anyFreePort } from "../../kit/free-port";
import { startMailSink, type MailSink } from "./mail-sink";
import { PORT_RANGE } from "./settings";
import { startWorkerProcess, type WorkerProcess } from "./worker-process";

// The suite's documented port range; the app listens on "localhost" and the
// SMTP sink on 127.0.0.1, so a port must be free on both.
const freePort = (preferred: number) => anyFreePort(preferred, { range: PORT_RANGE, hosts: ["127.0.0.1", "localhost"] });

export type ScenarioStack = {
  database: FreshDatabase;
  sink: MailSink;
  secrets: AppSecrets;
  apps: AppProcess[];
  workers: WorkerProcess[];
  stop(): Promise<void>;
};

/**
 * What one scenario runs against: a fresh migrated database, an SMTP sink,
 * `apps` production servers and `workers` standalone outbox workers, all with
 * the same environment (so the same keys). If any part fails to start, the
 * parts already running are stopped before the error is rethrown.
 */
export async function startScenarioStack(options: {
  label: string;
  preferredPort: number;
  apps?: number;
  workers?: number;
  overrides?: Record<string, string>;
  /** Makes the SMTP sink answer each message this much later (a slow mail server). */
  sinkAcceptDelayMs?: number;
}): Promise<ScenarioStack> {
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async () => {
    const failures: unknown[] = [];
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((error: unknown) => failures.push(error));
    if (failures.length > 0) throw new AggregateError(failures, `stopping scenario ${options.label} failed`);
  };
  try {
    const database = await createFreshDatabase(options.label);
    cleanups.push(database.drop);
    const sink = await startMailSink({ port: await freePort(options.preferredPort + 9), acceptDelayMs: options.sinkAcceptDelayMs });
    cleanups.push(sink.stop);
    const secrets = randomSecrets();
    const ports: number[] = [];
    for (let i = 0; i < (options.apps ?? 1); i += 1) ports.push(await freePort(options.preferredPort + i));
    const env = appEnvironment({
      databaseUrl: database.url,
      smtpPort: sink.port,
      publicUrl: `http://${APP_HOSTNAME}:${ports[0]}`,
      secrets,
      overrides: options.overrides,
    });
    const apps: AppProcess[] = [];
    for (const [i, port] of ports.entries()) {
      const app = await startAppProcess({ name: `${options.label}-app-${String.fromCharCode(65 + i)}`, port, env });
      cleanups.push(app.stop);
      apps.push(app);
    }
    const workers: WorkerProcess[] = [];
    for (let i = 0; i < (options.workers ?? 0); i += 1) {
      const worker = await startWorkerProcess({ name: `${options.label}-worker-${i + 1}`, env });
      cleanups.push(worker.stop);
      workers.push(worker);
    }
    return { database, sink, secrets, apps, workers, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
