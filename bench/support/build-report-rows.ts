import { inboxRows } from "../inbox-bench-report";
import { BENCH_CONFIG } from "./bench-config";
import { failed, type BenchResults } from "./bench-results";
import { check, kib, ms, pct, type ReportRow } from "./report-format";
import { comparisonRows, loadRows } from "./report-rows-load";

export type { ReportRow } from "./report-format";

const { targets } = BENCH_CONFIG;

function deliveryRows(results: BenchResults): ReportRow[] {
  const rows: ReportRow[] = [];
  const idle = results.notificationsIdle;
  if (!failed(idle)) {
    rows.push({
      section: "Notifications",
      metric: `submit → SMTP accepted (${idle.submitted}, one at a time)`,
      value: `p50 ${ms(idle.latency.p50)} · p95 ${ms(idle.latency.p95)} · max ${ms(idle.latency.max)} · delivered ${idle.delivered}/${idle.ok2xx}`,
      target: "",
      verdict: "",
    });
  }
  const n = results.notifications;
  if (failed(n)) rows.push({ section: "Notifications", metric: "submit → SMTP accepted", value: `not measured: ${n?.error}`, target: "", verdict: "✗" });
  else {
    rows.push({
      section: "Notifications",
      metric: `submit → SMTP accepted (${n.submitted} at ${BENCH_CONFIG.notifications.concurrency} conc.)`,
      value: `p50 ${ms(n.latency.p50)} · p95 ${ms(n.latency.p95)} · max ${ms(n.latency.max)} · delivered ${n.delivered}/${n.ok2xx}`,
      target: `p95 < ${targets.notificationP95Ms / 1000} s, all delivered`,
      verdict: check(n.latency.p95 < targets.notificationP95Ms && n.delivered === n.ok2xx && n.ok2xx === n.submitted),
    });
  }
  const o = results.outbox;
  if (!failed(o)) {
    rows.push({ section: "Notifications", metric: "outbox backlog after the load phases", value: `${o.backlogAtStart} drained in ${o.seconds} s (${o.perSecond}/s), ${o.remaining} left`, target: "", verdict: "" });
    rows.push({ section: "Notifications", metric: "emails received / outbox rows sent", value: `${o.emailsReceived} / ${o.sentRows}`, target: "no duplicates", verdict: check(o.emailsReceived === o.sentRows) });
  }
  const s = results.stored;
  if (!failed(s)) {
    const range = s.expectedAtLeast === s.expectedAtMost ? `${s.expectedAtLeast}` : `${s.expectedAtLeast}…${s.expectedAtMost}`;
    rows.push({ section: "Integrity", metric: "Inquiry rows vs 2xx answers (SQL)", value: `${s.inquiries} rows, 2xx ${range}; outbox ${s.notifications}, audit ${s.auditEvents}, consents ${s.consentRecords}`, target: "rows = 2xx, 1:1:1:6", verdict: check(s.consistent) });
  }
  return rows;
}

function resourceRows(results: BenchResults): ReportRow[] {
  const rows: ReportRow[] = [];
  const m = results.memory;
  if (m) rows.push({ section: "Memory", metric: `next start process group (${m.processes.length} process${m.processes.length === 1 ? "" : "es"})`, value: `RSS ${m.startRssMiB} MiB idle → peak ${m.peakRssMiB} MiB (VmHWM ${m.peakHwmMiB} MiB, ${m.samples} samples)`, target: "", verdict: "" });
  const r = results.rateLimits;
  if (failed(r)) rows.push({ section: "Rate limits", metric: "per-address limit", value: `not measured: ${r?.error}`, target: "", verdict: "✗" });
  else {
    const expectedAt = r.ipMax + 1;
    rows.push({ section: "Rate limits", metric: `RATE_LIMIT_IP_MAX=${r.ipMax}, ${r.statuses.length} from one address`, value: `${r.statuses.join(" ")} → ${r.accepted}×201, ${r.limited}×428 (proof of work asked)`, target: `#${expectedAt} → 428`, verdict: check(r.firstLimitedAt === expectedAt) });
    rows.push({ section: "Rate limits", metric: "same, each with its own X-Forwarded-For in one /24", value: `${r.spoofedForwardedForAccepted}/${r.statuses.length} accepted (TRUST_PROXY_HOPS=0)`, target: "", verdict: "" });
  }
  return rows;
}

function pageRows(results: BenchResults): ReportRow[] {
  const rows: ReportRow[] = [];
  const home = results.homePageOn127;
  if (!failed(home)) {
    rows.push({ section: "Public pages", metric: "GET / under next start --hostname 127.0.0.1", value: `${home.status}${home.location ? ` → ${home.location}` : ""}${home.redirectsToItself ? " (redirects to itself: endless loop)" : ""}`, target: "200", verdict: check(home.status === 200) });
  }
  const js = results.firstLoadJs;
  if (failed(js)) rows.push({ section: "Public pages", metric: "first-load JS", value: `not measured: ${js?.error}`, target: "", verdict: "✗" });
  else {
    for (const page of js) rows.push({ section: "Public pages", metric: `first-load JS ${page.route}`, value: `${kib(page.gzipBytes)} gz (${page.scripts} scripts, ${kib(page.rawBytes)} raw) + inline ${kib(page.inlineGzipBytes)} gz`, target: "", verdict: "" });
  }
  const vitals = results.webVitals;
  if (failed(vitals)) rows.push({ section: "Public pages", metric: "LCP / CLS", value: `not measured: ${vitals?.error}`, target: "", verdict: "✗" });
  else {
    for (const v of vitals) {
      const { cpuThrottlingRate } = BENCH_CONFIG.webVitals;
      rows.push({ section: "Public pages", metric: `LCP ${v.route} (slow 4G, ${cpuThrottlingRate}× CPU, median)`, value: `${ms(v.lcpMs)} (runs ${v.loads.map((l) => l.lcpMs).join(", ")}; FCP ${ms(v.fcpMs)})`, target: `< ${targets.lcpMs / 1000} s`, verdict: check(v.lcpMs < targets.lcpMs) });
      rows.push({ section: "Public pages", metric: `CLS ${v.route}`, value: `${v.cls} (runs ${v.loads.map((l) => l.cls).join(", ")})`, target: `< ${targets.cls}`, verdict: check(v.cls < targets.cls) });
    }
  }
  return rows;
}

function profileRows(results: BenchResults): ReportRow[] {
  const rows: ReportRow[] = [];
  const floor = results.frameworkFloor;
  if (!failed(floor)) {
    const baselinePeak = Math.max(...results.baseline.closedLoop.map((f) => f.throughput));
    const share = Number.isFinite(baselinePeak) && baselinePeak > 0 ? ` = ${pct(floor.throughput / baselinePeak)} of the baseline's peak` : "";
    rows.push({
      section: "Profile",
      metric: `framework floor: same route, 400 before any work (${floor.connections} conn)`,
      value: `${floor.throughput} req/s${share} · CPU ${floor.cpuMsPerRequest} ms/request${floor.other ? ` · ${floor.other} other answers` : ""}`,
      target: "",
      verdict: "",
    });
  }
  const q = results.queryProfile;
  if (!failed(q)) {
    rows.push({ section: "Profile", metric: "SQL statements per submission (pg_stat_statements)", value: `${q.statementsPerSubmission} statements, ${q.dbExecMsPerSubmission} ms executing in PostgreSQL`, target: "", verdict: "" });
    for (const s of [...q.statements].sort((a, b) => b.msPerSubmission - a.msPerSubmission).slice(0, 4)) {
      rows.push({ section: "Profile", metric: `  ${s.callsPerSubmission}× ${s.query.slice(0, 60)}`, value: `${s.msPerSubmission} ms/submission (mean ${s.meanMs} ms)`, target: "", verdict: "" });
    }
  }
  const p = results.submissionProfile;
  if (!failed(p)) {
    for (const step of p.steps) rows.push({ section: "Profile", metric: `step: ${step.name}`, value: `p50 ${ms(step.p50)} · mean ${ms(step.mean)}`, target: "", verdict: "" });
    rows.push({ section: "Profile", metric: "submitInquiry() called directly (no HTTP, no Next)", value: `p50 ${ms(p.submitInquiry.p50)} · p95 ${ms(p.submitInquiry.p95)}`, target: "", verdict: "" });
    rows.push({ section: "Profile", metric: "one SELECT 1 round trip: pg / Prisma", value: `p50 ${ms(p.roundTrips.pg.p50)} / ${ms(p.roundTrips.prisma.p50)}`, target: "", verdict: "" });
  }
  const cpu = results.cpuProfile;
  if (cpu && !failed(cpu)) {
    rows.push({ section: "Profile", metric: "app CPU profile (whole run, node --cpu-prof)", value: `${cpu.busySeconds} s busy, ${cpu.idleSeconds} s idle`, target: "", verdict: "" });
    for (const share of cpu.shares) rows.push({ section: "Profile", metric: `  self time in ${share.category}`, value: `${share.selfPercent} % of busy`, target: "", verdict: "" });
  }
  return rows;
}

/** The table's rows, in reading order. */
export function buildReportRows(results: BenchResults): ReportRow[] {
  return [
    ...loadRows("Submission API (app)", results.app),
    ...loadRows("Baseline (node:http + pg)", results.baseline),
    ...comparisonRows(results),
    ...deliveryRows(results),
    ...resourceRows(results),
    ...pageRows(results),
    ...profileRows(results),
    ...inboxRows(results.inbox),
  ];
}
