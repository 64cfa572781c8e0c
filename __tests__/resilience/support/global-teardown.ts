import path from "node:path";
import { writeReliabilityReport } from "../../../scripts/write-reliability-report";
import { runState } from "./global-setup";
import { REPORT_FILE, RESULTS_DIR, ROOT } from "./paths";

/** Stops the embedded PostgreSQL (if the suite started one) and writes docs/reliability.md. */
export default async function globalTeardown(): Promise<void> {
  try {
    await runState.resilienceEmbeddedPostgres?.stop();
    runState.resilienceEmbeddedPostgres = undefined;
  } finally {
    writeReliabilityReport({ resultsDir: RESULTS_DIR, reportFile: REPORT_FILE });
    console.log(`[resilience] wrote ${path.relative(ROOT, REPORT_FILE)}`);
  }
}
