import path from "node:path";

// Where the resilience suite keeps its files. Its production build has its own
// folder so it never disturbs the end-to-end suite's .next or the benchmark's
// .next-bench on the same machine; everything it writes is under test-results/.
export const ROOT = path.resolve(__dirname, "../../..");
export const DIST_DIR = ".next-resilience";
export const RESULTS_DIR = path.join(ROOT, "test-results", "resilience");
export const RUN_FILE = path.join(RESULTS_DIR, "run.json");
export const REPORT_FILE = path.join(ROOT, "docs", "reliability.md");
export const EMBEDDED_DATA_DIR = path.join(ROOT, ".data", "resilience-postgres");

export function logFile(name: string): string {
  return path.join(RESULTS_DIR, `${name}.log`);
}
