import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../../lib/db/embedded/start-embedded-postgres";
import type { RunInfo } from "../../../scripts/write-reliability-report";
import { SERVER_URL_VARIABLE, withClient } from "./database-server";
import { ensureProductionBuild } from "../../kit/production-build";
import { DIST_DIR, EMBEDDED_DATA_DIR, RESULTS_DIR, RUN_FILE, logFile } from "./paths";
import { EMBEDDED_POSTGRES_PORT, loadScale } from "./settings";

const log = (message: string) => console.log(`[resilience] ${message}`);

// Shared with global-teardown.ts (same process, after all scenarios).
export const runState = globalThis as typeof globalThis & { resilienceEmbeddedPostgres?: EmbeddedPostgres };

function commandLine(): string {
  const prefix = [
    process.env.TEST_DATABASE_URL ? `TEST_DATABASE_URL=${redact(process.env.TEST_DATABASE_URL)}` : "",
    process.env.RESILIENCE_SCALE ? `RESILIENCE_SCALE=${process.env.RESILIENCE_SCALE}` : "",
  ].filter(Boolean);
  const event = process.env.npm_lifecycle_event;
  const command = event === "test:resilience" ? `npm run ${event}` : ["npx jest", ...process.argv.slice(2)].join(" ");
  return [...prefix, command].join(" ");
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

/**
 * Once per run: builds the production app into its own folder if needed,
 * picks the PostgreSQL server (TEST_DATABASE_URL, or an embedded one on port
 * 54350) and clears the previous run's results. Each scenario then creates
 * its own fresh database on that server.
 */
export default async function globalSetup(): Promise<void> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  for (const name of readdirSync(RESULTS_DIR)) rmSync(path.join(RESULTS_DIR, name), { recursive: true, force: true });
  const startedAt = new Date().toISOString();
  const loadAverageAtStart = os.loadavg();
  const build = await ensureProductionBuild({ distDir: DIST_DIR, log, logFile: logFile("build"), force: process.env.RESILIENCE_REBUILD === "1" });

  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const server = await startEmbeddedPostgres({
      dataDir: EMBEDDED_DATA_DIR,
      port: EMBEDDED_POSTGRES_PORT,
      portSetting: "RESILIENCE_EMBEDDED_POSTGRES_PORT (or TEST_DATABASE_URL, to use another server)",
    });
    runState.resilienceEmbeddedPostgres = server;
    serverUrl = server.serverUrl;
    log(`embedded PostgreSQL on 127.0.0.1:${EMBEDDED_POSTGRES_PORT}`);
  }
  process.env[SERVER_URL_VARIABLE] = serverUrl;
  const version = await withClient(serverUrl, async (client) => (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v);

  const run: RunInfo = {
    startedAt,
    command: commandLine(),
    scale: loadScale(),
    database: `PostgreSQL ${version ?? "?"} (${runState.resilienceEmbeddedPostgres ? "embedded, started by the suite" : "server in TEST_DATABASE_URL"}), a fresh database per scenario`,
    loadAverageAtStart,
    build: build.built ? `built for this run in ${Math.round(build.seconds)} s (next build into ${DIST_DIR})` : `reused the up-to-date production build in ${DIST_DIR}`,
  };
  writeFileSync(RUN_FILE, `${JSON.stringify(run, null, 2)}\n`);
}
