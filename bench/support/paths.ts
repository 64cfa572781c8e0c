import path from "node:path";

// Where the benchmark keeps its files. Its build folder is its own, so it can
// build while the end-to-end suite uses .next; logs and its database live under
// .data/ (git-ignored) and only results/ is meant to be read.
export const ROOT = path.resolve(__dirname, "../..");
export const DIST_DIR = ".next-bench";
export const RESULTS_DIR = path.join(ROOT, "bench", "results");
export const WORK_DIR = path.join(ROOT, ".data", "bench");
export const POSTGRES_DATA_DIR = path.join(ROOT, ".data", "bench-postgres");
