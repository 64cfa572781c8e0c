import { BENCH_CONFIG } from "./bench-config";
import type { BenchResults } from "./bench-results";
import type { LoadFigures } from "./load-figures";
import { check, ms, pct, type ReportRow } from "./report-format";

const { targets } = BENCH_CONFIG;

function loadValue(f: LoadFigures): string {
  const failures = f.non2xx + f.errors;
  const cut = f.abandoned > 0 ? ` (+${f.abandoned} cut off)` : "";
  const cpu = f.serverCost === undefined ? "" : ` · CPU ${f.serverCost.cpuMsPerStoredRow} ms/row`;
  return `${f.throughput} req/s · p50 ${ms(f.latency.p50)} · p95 ${ms(f.latency.p95)} · p99 ${ms(f.latency.p99)} · non-2xx/err ${failures}${cut}${cpu}`;
}

export function loadRows(section: string, results: BenchResults["app"] | BenchResults["baseline"]): ReportRow[] {
  const rows: ReportRow[] = results.closedLoop.map((f) => ({ section, metric: `closed loop, ${f.connections} conn, ${f.seconds} s`, value: loadValue(f), target: "", verdict: "" }));
  if (results.fixedRate) {
    const f = results.fixedRate;
    const isApp = f.target === "app";
    rows.push({
      section,
      metric: `fixed ${BENCH_CONFIG.fixedRate.perSecond} req/s, ${BENCH_CONFIG.fixedRate.seconds} s (open loop)`,
      value: loadValue(f),
      target: isApp ? `p99 < ${targets.fixedRateP99Ms} ms, 0 failures` : "",
      verdict: isApp ? check(f.latency.p99 < targets.fixedRateP99Ms && f.non2xx + f.errors === 0) : "",
    });
  }
  if (results.sequential) {
    const s = results.sequential;
    rows.push({ section, metric: `one at a time, ${s.count} requests`, value: `p50 ${ms(s.latency.p50)} · p95 ${ms(s.latency.p95)} · p99 ${ms(s.latency.p99)}`, target: "", verdict: "" });
  }
  return rows;
}

export function comparisonRows(results: BenchResults): ReportRow[] {
  const { app, baseline } = results;
  if (app.closedLoop.length === 0 || baseline.closedLoop.length === 0) return [];
  const peak = (list: LoadFigures[]) => Math.max(...list.map((f) => f.throughput));
  const ratio = peak(app.closedLoop) / peak(baseline.closedLoop);
  const rows: ReportRow[] = [
    { section: "App vs baseline", metric: "peak throughput (app / baseline)", value: `${peak(app.closedLoop)} / ${peak(baseline.closedLoop)} req/s = ${pct(ratio)}`, target: `≥ ${pct(targets.throughputVsBaseline)}`, verdict: check(ratio >= targets.throughputVsBaseline) },
  ];
  const [appCost, baselineCost] = [app.closedLoop[0]?.serverCost, baseline.closedLoop[0]?.serverCost];
  if (appCost && baselineCost) {
    rows.push({
      section: "App vs baseline",
      metric: `server CPU per stored submission at ${app.closedLoop[0]?.connections} conn`,
      value: `${appCost.cpuMsPerStoredRow} / ${baselineCost.cpuMsPerStoredRow} ms = ${(appCost.cpuMsPerStoredRow / baselineCost.cpuMsPerStoredRow).toFixed(0)}×`,
      target: "",
      verdict: "",
    });
  }
  for (const a of app.closedLoop) {
    const b = baseline.closedLoop.find((f) => f.connections === a.connections);
    if (!b) continue;
    rows.push({
      section: "App vs baseline",
      metric: `latency ratio at ${a.connections} conn (p50 / p99)`,
      value: `${(a.latency.p50 / b.latency.p50).toFixed(1)}× / ${(a.latency.p99 / b.latency.p99).toFixed(1)}×`,
      target: "",
      verdict: "",
    });
  }
  return rows;
}
