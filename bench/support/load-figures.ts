import type { LatencySummary } from "./latency-stats";
import type { ServerCost } from "./measure-server-cost";

/** What one load phase produced, whichever generator drove it. */
export type LoadFigures = {
  label: string;
  target: "app" | "baseline";
  mode: "closed-loop" | "fixed-rate";
  connections: number;
  seconds: number;
  sent: number;
  ok2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Sent but neither answered nor failed when the phase ended (the server may still store them). */
  abandoned: number;
  statusCodes: Record<string, number>;
  /** 2xx responses per second of the phase. */
  throughput: number;
  /** Of 2xx responses, in ms. */
  latency: LatencySummary;
  /** What the server did for this phase, measured around it (see measure-server-cost.ts). */
  serverCost?: ServerCost;
};
