import type { ReportRow } from "./build-report-rows";

/** One plain-text table: section headings, then metric | value | target | ✓/✗. */
export function formatTable(rows: readonly ReportRow[]): string {
  const widths = {
    metric: Math.max(6, ...rows.map((r) => r.metric.length)),
    value: Math.max(5, ...rows.map((r) => r.value.length)),
    target: Math.max(6, ...rows.map((r) => r.target.length)),
  };
  const line = (metric: string, value: string, target: string, verdict: string) =>
    `│ ${metric.padEnd(widths.metric)} │ ${value.padEnd(widths.value)} │ ${target.padEnd(widths.target)} │ ${verdict.padEnd(3)} │`;
  const rule = (left: string, middle: string, right: string) =>
    `${left}${"─".repeat(widths.metric + 2)}${middle}${"─".repeat(widths.value + 2)}${middle}${"─".repeat(widths.target + 2)}${middle}─────${right}`;
  const out = [rule("┌", "┬", "┐"), line("Metric", "Value", "Target", "ok"), rule("├", "┼", "┤")];
  let section = "";
  for (const row of rows) {
    if (row.section !== section) {
      if (section !== "") out.push(rule("├", "┼", "┤"));
      section = row.section;
      out.push(line(section.toUpperCase(), "", "", ""));
    }
    out.push(line(row.metric, row.value, row.target, row.verdict));
  }
  out.push(rule("└", "┴", "┘"));
  return out.join("\n");
}
