import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// Writes docs/reliability.md from what the last `npm run test:resilience` left
// in test-results/resilience/: run.json (written by the suite's global setup)
// and one scenario-<n>.json per scenario. The suite's global teardown calls it;
// `npx tsx scripts/write-reliability-report.ts` regenerates the page from the
// same files. The page is generated: edit this script, not the page.

export type Check = { name: string; passed: boolean; evidence?: string };

export type ScenarioResult = {
  id: number;
  title: string;
  /** What the scenario did, in a sentence or two. */
  summary: string;
  parameters: Record<string, string | number>;
  figures: Record<string, string | number>;
  durationsSeconds: Record<string, number>;
  checks: Check[];
  notes: string[];
  /** Set when the scenario stopped before producing its figures. */
  error?: string;
};

export type RunInfo = {
  startedAt: string;
  command: string;
  scale: number;
  database: string;
  build: string;
  /** os.loadavg() when the run started: the machine may be shared with other work. */
  loadAverageAtStart?: number[];
};

export const DEFAULT_RESULTS_DIR = path.resolve(__dirname, "..", "test-results", "resilience");
export const DEFAULT_REPORT_FILE = path.resolve(__dirname, "..", "docs", "reliability.md");

// Scenarios the suite runs, so a scenario that never reported is listed as such.
const SCENARIOS: Record<number, string> = {
  1: "SMTP outage under load",
  2: "App process killed (SIGKILL) mid-run",
  3: "PostgreSQL connections terminated mid-run",
  4: "Two app instances and two workers on one database",
  5: "Hostile input over HTTP",
  6: "Flood of junk submissions while people keep arriving",
  7: "Rolling restart of one of two replicas, and of the worker, under load",
};

const NOT_COVERED_YET = [
  "Search and filter with SQL metacharacters: there is no staff search yet. Add a scenario when the staff inbox gains one.",
  "Staff area: cross-site scripting in stored answers and open redirects after sign-in wait for the staff area to exist.",
];

function readJson<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : undefined;
}

function cell(value: string | number): string {
  return String(value).replaceAll("|", "\\|").replaceAll("\n", " ");
}

function table(rows: [string, string | number][]): string[] {
  return ["| | |", "|---|---:|", ...rows.map(([label, value]) => `| ${cell(label)} | ${cell(value)} |`)];
}

function machine(run: RunInfo | undefined): string[] {
  const cpus = os.cpus();
  const load = (values: number[]) => values.map((value) => value.toFixed(1)).join(" / ");
  return [
    `- CPU: ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown"}`,
    `- Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- OS: ${os.type()} ${os.release()} (${os.arch()})`,
    `- Node.js: ${process.version}`,
    `- Load average (1 / 5 / 15 min): ${run?.loadAverageAtStart ? `${load(run.loadAverageAtStart)} at the start, ` : ""}${load(os.loadavg())} at the end (other work may share the machine)`,
  ];
}

function passed(result: ScenarioResult): boolean {
  return !result.error && result.checks.length > 0 && result.checks.every((check) => check.passed);
}

function summaryTable(ids: number[], results: Map<number, ScenarioResult>): string[] {
  const rows = ids.map((id) => {
    const result = results.get(id);
    const title = result?.title ?? SCENARIOS[id] ?? `Scenario ${id}`;
    if (!result) return `| ${id}. ${cell(title)} | not run | | |`;
    const ok = result.checks.filter((check) => check.passed).length;
    const seconds = result.durationsSeconds["whole scenario"];
    return `| ${id}. ${cell(title)} | ${passed(result) ? "passed" : "**failed**"} | ${ok} of ${result.checks.length} | ${seconds === undefined ? "" : `${Math.round(seconds)} s`} |`;
  });
  return ["| Scenario | Result | Checks passed | Time |", "|---|---|---:|---:|", ...rows];
}

function scenarioSection(id: number, result: ScenarioResult | undefined): string[] {
  const title = result?.title ?? SCENARIOS[id] ?? `Scenario ${id}`;
  const lines = [`## ${id}. ${title}`, ""];
  if (!result) return [...lines, "Not run in this session (no results file).", ""];
  lines.push(`**${passed(result) ? "PASSED" : "FAILED"}** — ${result.summary}`, "");
  if (result.error) lines.push(`Stopped with an error before it finished: \`${cell(result.error)}\``, "");
  if (Object.keys(result.parameters).length > 0) lines.push("Parameters:", "", ...table(Object.entries(result.parameters)), "");
  if (Object.keys(result.figures).length > 0) lines.push("Figures:", "", ...table(Object.entries(result.figures)), "");
  if (Object.keys(result.durationsSeconds).length > 0) {
    lines.push("Durations (seconds, on a shared and loaded machine; not a speed measurement):", "");
    lines.push(...table(Object.entries(result.durationsSeconds).map(([label, seconds]) => [label, seconds.toFixed(1)])), "");
  }
  if (result.checks.length > 0) {
    lines.push("Checks:", "");
    for (const check of result.checks) {
      lines.push(`- ${check.passed ? "✅" : "❌"} ${check.name}${!check.passed && check.evidence ? ` — ${cell(check.evidence)}` : ""}`);
    }
    lines.push("");
  }
  if (result.notes.length > 0) lines.push("Notes:", "", ...result.notes.map((note) => `- ${note}`), "");
  return lines;
}

/** Renders the report from the results directory and writes it; returns the Markdown. */
export function writeReliabilityReport(options: { resultsDir?: string; reportFile?: string; now?: Date } = {}): string {
  const resultsDir = options.resultsDir ?? DEFAULT_RESULTS_DIR;
  const reportFile = options.reportFile ?? DEFAULT_REPORT_FILE;
  const run = readJson<RunInfo>(path.join(resultsDir, "run.json"));
  const results = new Map<number, ScenarioResult>();
  if (existsSync(resultsDir)) {
    for (const file of readdirSync(resultsDir).filter((name) => /^scenario-\d+\.json$/.test(name))) {
      const result = readJson<ScenarioResult>(path.join(resultsDir, file));
      if (result) results.set(result.id, result);
    }
  }
  const ids = [...new Set([...Object.keys(SCENARIOS).map(Number), ...results.keys()])].sort((a, b) => a - b);
  const now = options.now ?? new Date();
  const lines = [
    "# Reliability report",
    "",
    "<!-- Generated by scripts/write-reliability-report.ts at the end of `npm run test:resilience`. Do not edit by hand. -->",
    "",
    "An accepted inquiry must never be lost, never be stored twice, and must produce exactly one staff email.",
    "This page records the last run of the resilience suite (`__tests__/resilience/`), which checks exactly that",
    "under failure: an SMTP outage, a crashed app process, dropped database connections, several app instances",
    "and workers sharing one database, hostile input, and a flood of junk while people keep arriving. Each",
    "scenario runs the production build (`npm start`)",
    "against a real PostgreSQL and a real SMTP server, and asserts correctness only, never speed.",
    "",
    `- Generated: ${now.toISOString()}`,
    `- Run started: ${run?.startedAt ?? "unknown"}`,
    `- Command: \`${run?.command ?? "npm run test:resilience"}\``,
    `- Load scale: ${run?.scale ?? 1}${run && run.scale !== 1 ? " (scaled run: the sizes below are not the defaults)" : ""}`,
    `- Database: ${run?.database ?? "unknown"}`,
    `- Build: ${run?.build ?? "unknown"}`,
    "",
    "Machine:",
    "",
    ...machine(run),
    "",
    "How to read the figures: *lost* counts 201 answers without their row; *duplicate rows* counts extra rows for",
    "one submission (each submission has a unique phone number, matched by its keyed hash); *emails* are counted by",
    "distinct Message-ID (`<notificationId@host>`), so a message re-sent after a crash between SMTP acceptance and",
    "bookkeeping shows as a *redelivery*, which mail systems recognise as the same message.",
    "",
    ...summaryTable(ids, results),
    "",
    ...ids.flatMap((id) => scenarioSection(id, results.get(id))),
    "## Not covered yet",
    "",
    ...NOT_COVERED_YET.map((item) => `- ${item}`),
    "",
  ];
  const markdown = lines.join("\n");
  mkdirSync(path.dirname(reportFile), { recursive: true });
  writeFileSync(reportFile, markdown);
  return markdown;
}

if (require.main === module) {
  writeReliabilityReport();
  console.log(`wrote ${path.relative(process.cwd(), DEFAULT_REPORT_FILE)}`);
}
