export type ReportRow = { section: string; metric: string; value: string; target: string; verdict: "✓" | "✗" | "" };

// How figures read in the table.
export const ms = (v: number) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(1) : Math.round(v)} ms` : "n/a");
export const pct = (v: number) => `${Math.round(v * 100)} %`;
export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
export const check = (ok: boolean): ReportRow["verdict"] => (ok ? "✓" : "✗");
