import { mkdirSync } from "node:fs";
import { appEnvironment, makeBenchSecrets } from "./support/app-environment";
import { BENCH_CONFIG } from "./support/bench-config";
import { formatTable } from "./support/print-table";
import { WORK_DIR } from "./support/paths";
import { startBenchPostgres } from "./support/start-bench-postgres";
import { runInboxBench } from "./inbox-bench";
import { inboxRows } from "./inbox-bench-report";

// Only the inbox section of `npm run bench` (no build, no app server):
// `npx tsx bench/inbox-bench-main.ts`, with DATABASE_URL to use a server of
// your own, BENCH_INBOX_ROWS to change the table's size.

const started = performance.now();
const log = (message: string) => console.log(`[inbox bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`);

async function main(): Promise<void> {
  mkdirSync(WORK_DIR, { recursive: true });
  const postgres = await startBenchPostgres({ port: BENCH_CONFIG.ports.embeddedPostgres, log });
  try {
    const env = appEnvironment({ databaseUrl: "", smtpPort: 25, publicUrl: "http://localhost:3000", secrets: makeBenchSecrets(), settings: BENCH_CONFIG.appEnv });
    const figures = await runInboxBench({ serverUrl: postgres.serverUrl, dropLeftovers: postgres.embedded, env, workDir: WORK_DIR, log });
    console.log(`\n${formatTable(inboxRows(figures))}`);
  } finally {
    await postgres.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`[inbox bench] could not complete: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
