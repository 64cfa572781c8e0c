import { mkdir, rm } from "node:fs/promises";
import { ensureProductionBuild } from "@/__tests__/kit/production-build";
import { appProcessEnvironment, randomAppSecrets } from "@/__tests__/kit/app-environment";
import { freePort } from "@/__tests__/kit/free-port";
import { MAIL_DIR, RESULTS_DIR, SCREENSHOT_DIR, SERVER_LOG } from "./paths";
import { SETTING_NAMES } from "./settings";
import { startAppServer } from "./start-app-server";
import { startDatabase } from "./start-database";
import { startMailCatcher } from "./start-mail-catcher";

type Cleanup = { name: string; run: () => Promise<void> };

const log = (message: string) => console.log(`[e2e] ${message}`);
const debug = (message: string) => {
  if (process.env.DEBUG_E2E) log(message);
};

/**
 * Starts what the specs drive: a fresh migrated database, an SMTP server that
 * saves mail to test-results/e2e-mail, and the production build under
 * `npm start` (scripts/start.ts). Returns the teardown (Playwright runs it after the tests). If
 * any step fails, whatever was already started is stopped before the error is
 * rethrown, so a failed setup leaves no server or database behind.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const cleanups: Cleanup[] = [];
  const teardown = async () => {
    const failures: unknown[] = [];
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup.run().catch((error: unknown) => {
        log(`teardown: could not ${cleanup.name}: ${error instanceof Error ? error.message : String(error)}`);
        failures.push(error);
      });
    }
    if (failures.length > 0) throw new AggregateError(failures, "e2e teardown failed");
  };

  try {
    await mkdir(RESULTS_DIR, { recursive: true });
    await rm(SCREENSHOT_DIR, { recursive: true, force: true });
    await rm(SERVER_LOG, { force: true });
    // `npm start` serves .next; built here unless it holds these very sources.
    await ensureProductionBuild({ distDir: ".next", log });

    const database = await startDatabase({ log, debug });
    cleanups.push({ name: "drop the database", run: database.drop });
    const mail = await startMailCatcher({ directory: MAIL_DIR });
    cleanups.push({ name: "stop the SMTP server", run: mail.stop });
    log(`SMTP server on 127.0.0.1:${mail.port}, saving mail to ${MAIL_DIR}`);

    const port = await freePort(Number(process.env.E2E_PORT ?? 3100));
    const baseUrl = `http://127.0.0.1:${port}`;
    const notifyTo = "intake-team@clinic.example";
    // One installation's keys: the server and `npm run staff:create-admin`
    // (which checks them against the data at start-up, as `npm start` does).
    const keys = randomAppSecrets("e2e");
    const app = await startAppServer({
      port,
      logFile: SERVER_LOG,
      env: appProcessEnvironment({
        databaseUrl: database.runtimeUrl,
        smtpPort: mail.port,
        publicUrl: baseUrl,
        notifyTo,
        secrets: keys,
        settings: {
          FORM_MIN_FILL_SECONDS: "1",
          WORKER_IN_PROCESS: "true",
          NOTIFY_POLL_MS: "200",
          // Every spec submits from 127.0.0.1; the default (10 an hour) would make
          // the suite fail as it grows, for reasons that have nothing to do with it.
          RATE_LIMIT_IP_MAX: "100",
          FORM_TOKEN_MINT_MAX: "1000",
          // Specs mark notifications FAILED on purpose (the admin's retry screen);
          // readiness is about a stuck outbox in production, not these fixtures.
          READY_OUTBOX_MAX_FAILED: "1000",
        },
      }),
    });
    cleanups.push({ name: "stop npm start", run: app.stop });
    log(`npm start on ${baseUrl} (log: ${SERVER_LOG})`);

    process.env[SETTING_NAMES.baseUrl] = baseUrl;
    process.env[SETTING_NAMES.databaseUrl] = database.url;
    process.env[SETTING_NAMES.notifyTo] = notifyTo;
    process.env[SETTING_NAMES.keys] = JSON.stringify(keys);
    return teardown;
  } catch (error) {
    await teardown().catch(() => undefined);
    throw error;
  }
}
