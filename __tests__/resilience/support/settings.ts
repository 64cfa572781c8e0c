// Load sizes default to the figures the suite promises; RESILIENCE_SCALE
// multiplies them (0.1 for a quick local check). The report records the scale,
// so a scaled run is never mistaken for the real one.
export function loadScale(): number {
  const scale = Number(process.env.RESILIENCE_SCALE ?? "1");
  if (!Number.isFinite(scale) || scale <= 0) throw new Error("RESILIENCE_SCALE must be a positive number");
  return scale;
}

export function scaled(count: number): number {
  return Math.max(1, Math.round(count * loadScale()));
}

// Other suites use ports around 3100 (end-to-end) and 3400 (benchmark) on the
// same machine; this suite stays in 3500-3599, and its embedded PostgreSQL on 54350.
export const PORT_RANGE = { first: 3500, last: 3599 } as const;
export const EMBEDDED_POSTGRES_PORT = Number(process.env.RESILIENCE_EMBEDDED_POSTGRES_PORT ?? 54350);

// The outbox worker's claim lease, NOTIFY_LEASE_SECONDS in every scenario's
// environment (app-environment.ts): 30 s, the shortest lib/env.ts allows, where
// production keeps the 120 s default. A notification claimed by a process that
// then dies is claimable again only after it expires, so scenarios that kill
// something wait at least this long.
export const OUTBOX_LEASE_MS = 30_000;
