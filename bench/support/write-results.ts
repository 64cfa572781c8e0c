import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { BENCH_CONFIG } from "./bench-config";
import type { BenchResults } from "./bench-results";
import type { ReportRow } from "./build-report-rows";
import { RESULTS_DIR } from "./paths";

/** The machine the figures were taken on: they mean little without it. */
export function describeMachine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? "unknown",
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    loadAverageAtStart: os.loadavg().map((v) => Math.round(v * 100) / 100),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

/** Writes bench/results/latest.json (git-ignored) and returns its path. */
export function writeResults(options: {
  machine: ReturnType<typeof describeMachine>;
  startedAt: Date;
  runtimeSeconds: number;
  results: BenchResults;
  rows: ReportRow[];
}): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, "latest.json");
  const document = {
    date: options.startedAt.toISOString(),
    command: `npm run bench (${["node", ...process.execArgv, ...process.argv.slice(1).map((a) => path.relative(process.cwd(), a) || a)].join(" ")})`,
    runtimeSeconds: options.runtimeSeconds,
    machine: options.machine,
    configuration: BENCH_CONFIG,
    results: options.results,
    table: options.rows,
  };
  writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
  return file;
}
