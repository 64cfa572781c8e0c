import { setMaxListeners } from "node:events";
import http from "node:http";
import { makeSubmissionBody } from "./inquiry-payload";
import { summariseLatencies } from "./latency-stats";
import type { LoadFigures } from "./load-figures";
import { postJson } from "./post-json";

// After the last request is sent, how long answers are waited for. A server
// slower than the rate builds a queue; this bounds the run, and what is still
// unanswered then is cut off and counted as abandoned.
const DRAIN_MS = 15_000;

/**
 * An open-loop load: request i is due at start + i/rate, whether or not earlier
 * ones have been answered, and its latency is counted from when it was due (so
 * a server that falls behind is charged for the queue it builds: no
 * coordinated omission). autocannon's overallRate is not used here: it lets
 * each connection send its whole per-second quota at the start of every
 * second, so "100 req/s" would arrive as bursts and p99 would measure those.
 */
export async function runFixedRate(options: {
  label: string;
  target: LoadFigures["target"];
  url: string;
  perSecond: number;
  seconds: number;
  maxSockets: number;
  nextToken: () => string;
}): Promise<LoadFigures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets });
  const cutOff = new AbortController();
  // Every request in flight listens to it; hundreds may be, by design.
  setMaxListeners(0, cutOff.signal);
  const total = Math.round(options.perSecond * options.seconds);
  const intervalMs = 1000 / options.perSecond;
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  let timeouts = 0;
  let abandoned = 0;
  const inFlight = new Set<Promise<void>>();

  const send = (dueAt: number) => {
    const body = makeSubmissionBody(options.nextToken());
    const done = postJson({ url: `${options.url}/api/v1/inquiries`, body, agent, signal: cutOff.signal }).then(
      (response) => {
        statusCodes[response.status] = (statusCodes[response.status] ?? 0) + 1;
        if (response.status >= 200 && response.status < 300) latencies.push(performance.now() - dueAt);
      },
      (error: unknown) => {
        if (cutOff.signal.aborted) {
          abandoned += 1;
          return;
        }
        errors += 1;
        if (error instanceof Error && error.message === "request timed out") timeouts += 1;
      },
    );
    const tracked = done.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };

  const started = performance.now();
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total && started + sent * intervalMs <= now) {
        send(started + sent * intervalMs);
        sent += 1;
      }
      if (sent >= total) return resolve();
      setTimeout(tick, Math.max(0, started + sent * intervalMs - performance.now()));
    };
    tick();
  });
  const drained = Promise.all(inFlight).then(() => true);
  if (!(await Promise.race([drained, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), DRAIN_MS))]))) {
    cutOff.abort();
    await Promise.all(inFlight);
  }
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();

  const answered = Object.values(statusCodes).reduce((sum, n) => sum + n, 0);
  return {
    label: options.label,
    target: options.target,
    mode: "fixed-rate",
    connections: options.maxSockets,
    seconds: Math.round(seconds * 100) / 100,
    sent,
    ok2xx: latencies.length,
    non2xx: answered - latencies.length,
    errors,
    timeouts,
    abandoned,
    statusCodes,
    throughput: Math.round((latencies.length / seconds) * 10) / 10,
    latency: summariseLatencies(latencies),
  };
}
