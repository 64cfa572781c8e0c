import { BENCH_CONFIG } from "./bench-config";
import type { describeMachine } from "./write-results";

/** The BENCH CONFIGURATION block printed before any figure. */
export function formatConfiguration(machine: ReturnType<typeof describeMachine>): string {
  const c = BENCH_CONFIG;
  const env = Object.entries(c.appEnv).map(([name, value]) => `${name}=${value}`).join(" ");
  return [
    "BENCH CONFIGURATION",
    `  machine      ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, ${machine.node}, load avg ${machine.loadAverageAtStart.join(" ")}`,
    `  app          next start --hostname localhost (loopback), production build in .next-bench, in-process outbox worker`,
    `  app env      ${env}`,
    `               (bot timing check off and rate limits out of reach, so they do not distort throughput; limits are checked separately)`,
    `  load         POST /api/v1/inquiries, every request a new valid inquiry (unique phone), tokens fetched beforehand`,
    `               closed loop ${c.closedLoop.connections.join("/")} connections × ${c.closedLoop.seconds} s (autocannon), then open loop ${c.fixedRate.perSecond} req/s × ${c.fixedRate.seconds} s`,
    `  baseline     node:http + pg Pool(max ${c.baselinePoolMax}), one INSERT, same load`,
    `  notifications ${c.notifications.idleCount} submissions one at a time, then ${c.notifications.count} at ${c.notifications.concurrency} concurrent; SMTP recorder on loopback`,
    `  pages        Chromium, ${c.webVitals.cpuThrottlingRate}× CPU, ${c.webVitals.network.latency} ms RTT, 1.6 Mbit/s down / 750 kbit/s up, median of ${c.webVitals.loads}`,
    c.quick ? "  BENCH_QUICK=1: shortened phases, figures not comparable with a full run" : "",
    c.cpuProfile ? "  BENCH_CPU_PROFILE=1: app under node --cpu-prof (slower), figures not comparable with a normal run" : "",
  ]
    .filter(Boolean)
    .join("\n");
}
