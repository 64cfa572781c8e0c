import path from "node:path";
import { BENCH_CONFIG } from "./bench-config";
import type { BenchResults } from "./bench-results";
import { tokenRotation } from "./form-tokens";
import { freePort } from "@/__tests__/kit/free-port";
import type { LoadFigures } from "./load-figures";
import { measureServerCost } from "./measure-server-cost";
import { runClosedLoop } from "./run-closed-loop";
import { runFixedRate } from "./run-fixed-rate";
import { runSequential } from "./run-sequential";
import { startBaselineServer } from "./start-baseline-server";

/**
 * The same load against the baseline server, started now and stopped after,
 * so it never competes with the app for the two cores.
 */
export async function runBaselinePhases(options: {
  databaseUrl: string;
  workDir: string;
  log: (message: string) => void;
  results: BenchResults;
}): Promise<void> {
  const c = BENCH_CONFIG;
  const { log, results } = options;
  const port = await freePort(c.ports.baseline);
  const server = await startBaselineServer({ port, databaseUrl: options.databaseUrl, poolMax: c.baselinePoolMax, logFile: path.join(options.workDir, "baseline.log") });
  // The baseline reads no token; the body has the same shape and size as the app's.
  const nextToken = tokenRotation(["0.baseline-does-not-check-tokens.0000000000000000000000000000000000000"]);
  const costed = async (run: () => Promise<LoadFigures>): Promise<LoadFigures> => {
    const { result, cost } = await measureServerCost({ groupId: server.pid, databaseUrl: options.databaseUrl, table: "bench_baseline_inquiry", maxSettleSeconds: 20 }, run);
    return { ...result, serverCost: cost };
  };
  try {
    log(`baseline on ${server.url}: warm-up`);
    await runClosedLoop({ label: "baseline warm-up", target: "baseline", url: server.url, connections: 10, seconds: c.warmupSeconds, nextToken });
    for (const connections of c.closedLoop.connections) {
      log(`baseline: closed loop, ${connections} connections, ${c.closedLoop.seconds} s`);
      results.baseline.closedLoop.push(
        await costed(() => runClosedLoop({ label: `baseline c${connections}`, target: "baseline", url: server.url, connections, seconds: c.closedLoop.seconds, nextToken })),
      );
    }
    log(`baseline: open loop, ${c.fixedRate.perSecond} req/s for ${c.fixedRate.seconds} s`);
    results.baseline.fixedRate = await costed(() => runFixedRate({ label: "baseline fixed", target: "baseline", url: server.url, ...c.fixedRate, nextToken }));
    results.baseline.sequential = await runSequential({ url: server.url, count: 200, nextToken });
  } finally {
    await server.stop();
  }
}
