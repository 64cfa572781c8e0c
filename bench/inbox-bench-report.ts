import { INBOX_BENCH, type InboxBenchFigures } from "./inbox-bench";
import { failed, type Outcome } from "./support/bench-results";
import { check, ms, type ReportRow } from "./support/report-format";

// The inbox section of the table: one row per scenario with its latency and
// the index that answered (from EXPLAIN of the very statements timed).
export function inboxRows(inbox: Outcome<InboxBenchFigures> | undefined): ReportRow[] {
  const section = "Inbox at scale";
  if (inbox === undefined) return [];
  if (failed(inbox)) return [{ section, metric: "inbox queries", value: `not measured: ${inbox?.error}`, target: "", verdict: "✗" }];
  const target = `p95 < ${INBOX_BENCH.targetP95Ms} ms`;
  return [
    {
      section,
      metric: `${inbox.inquiries.toLocaleString("en-US")} inquiries seeded (generate_series)`,
      value: `${inbox.seedSeconds} s, table + indexes ${inbox.tableMiB} MiB`,
      target: "",
      verdict: "",
    },
    ...inbox.scenarios.map((s) => ({
      section,
      metric: `${s.name} (${s.rows} rows)`,
      value: `p50 ${ms(s.latency.p50)} · p95 ${ms(s.latency.p95)} (n=${s.latency.count}) · ${indexesOf(s.plan)}`,
      target,
      verdict: check(s.latency.p95 < INBOX_BENCH.targetP95Ms && !/Seq Scan/.test(s.plan)),
    })),
  ];
}

// The index names a plan used, or the scans it did without one.
function indexesOf(plan: string): string {
  const used = [...new Set([...plan.matchAll(/\((Inquiry_[A-Za-z_]+)\)/g)].map((m) => m[1]))];
  const seq = /Seq Scan/.test(plan) ? ["Seq Scan!"] : [];
  return [...used, ...seq].join(", ") || "no index";
}
