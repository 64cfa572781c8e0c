import { spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import path from "node:path";
import type { InboxScenarioFigures } from "./inbox-bench-measure";
import { seedInboxInquiries } from "./inbox-bench-seed";
import { createBenchDatabase } from "./support/create-bench-database";
import { ROOT } from "./support/paths";
import { withClient } from "./support/pg-session";
import type { Teardown } from "./support/teardown";

// The inbox at scale: a database of its own with INBOX_BENCH.rows inquiries
// (bench/inbox-bench-seed.ts, generate_series), then the inbox's queries timed
// in a plain Node process (bench/inbox-bench-measure.ts). Bounded: the seed
// has a statement timeout, each scenario a time budget, the process a
// deadline; the database is dropped afterwards.
const quick = process.env.BENCH_QUICK === "1";

export const INBOX_BENCH = {
  rows: Number(process.env.BENCH_INBOX_ROWS ?? (quick ? 100_000 : 1_000_000)),
  // Three years of history: ~900 inquiries a day at a million.
  days: 1095,
  runsPerScenario: quick ? 15 : 40,
  scenarioBudgetMs: quick ? 2000 : 6000,
  seedTimeoutSeconds: 900,
  measureTimeoutSeconds: 600,
  targetP95Ms: 50,
} as const;

export type InboxBenchFigures = {
  inquiries: number;
  seedSeconds: number;
  tableMiB: number;
  scenarios: InboxScenarioFigures[];
};

export async function runInboxBench(options: {
  serverUrl: string;
  dropLeftovers: boolean;
  env: NodeJS.ProcessEnv;
  workDir: string;
  log: (message: string) => void;
  // So that Ctrl-C during the seed still drops the database.
  teardown?: Pick<Teardown, "add">;
}): Promise<InboxBenchFigures> {
  const database = await createBenchDatabase({ serverUrl: options.serverUrl, dropLeftovers: options.dropLeftovers, log: options.log });
  options.teardown?.add(`drop database ${database.name}`, database.drop);
  try {
    options.log(`inbox: seeding ${INBOX_BENCH.rows.toLocaleString("en-US")} inquiries over ${INBOX_BENCH.days} days (generate_series)`);
    const started = performance.now();
    const tableMiB = await withClient(database.url, async (client) => {
      await client.query(`SET statement_timeout = '${INBOX_BENCH.seedTimeoutSeconds}s'`);
      await seedInboxInquiries(client, { count: INBOX_BENCH.rows, days: INBOX_BENCH.days });
      const { rows } = await client.query<{ bytes: string }>(`SELECT pg_total_relation_size('"Inquiry"') AS bytes`);
      return Math.round(Number(rows[0]?.bytes ?? 0) / 1048576);
    });
    const seedSeconds = Math.round((performance.now() - started) / 100) / 10;
    options.log(`inbox: seeded in ${seedSeconds} s (table and indexes ${tableMiB} MiB); timing the inbox's queries`);
    const measured = await measure({ env: { ...options.env, DATABASE_URL: database.url }, workDir: options.workDir });
    return { inquiries: measured.inquiries, seedSeconds, tableMiB, scenarios: measured.scenarios };
  } finally {
    await database.drop();
  }
}

async function measure(options: { env: NodeJS.ProcessEnv; workDir: string }): Promise<{ inquiries: number; scenarios: InboxScenarioFigures[] }> {
  const out = path.join(options.workDir, "inbox-bench.json");
  const logFile = path.join(options.workDir, "inbox-bench.log");
  const log = openSync(logFile, "w");
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "bench", "inbox-bench-measure.ts")], {
    cwd: ROOT,
    env: {
      ...options.env,
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      BENCH_INBOX_OUT: out,
      BENCH_INBOX_RUNS: String(INBOX_BENCH.runsPerScenario),
      BENCH_INBOX_SCENARIO_MS: String(INBOX_BENCH.scenarioBudgetMs),
    },
    stdio: ["ignore", log, log],
  });
  closeSync(log);
  const deadline = setTimeout(() => child.kill("SIGKILL"), INBOX_BENCH.measureTimeoutSeconds * 1000);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", resolve);
  }).finally(() => clearTimeout(deadline));
  if (code !== 0) throw new Error(`inbox-bench-measure exited with ${code}:\n${readFileSync(logFile, "utf8").slice(-2000)}`);
  return JSON.parse(readFileSync(out, "utf8")) as { inquiries: number; scenarios: InboxScenarioFigures[] };
}
