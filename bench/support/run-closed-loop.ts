import autocannon from "autocannon";
import { makeSubmissionBody } from "./inquiry-payload";
import { summariseLatencies } from "./latency-stats";
import type { LoadFigures } from "./load-figures";

/**
 * `connections` clients, each POSTing a new inquiry as soon as its previous
 * one is answered, for `seconds` (autocannon). Percentiles are computed from
 * every 2xx response's time, as autocannon's own summary has no p95.
 */
export async function runClosedLoop(options: {
  label: string;
  target: LoadFigures["target"];
  url: string;
  connections: number;
  seconds: number;
  nextToken: () => string;
}): Promise<LoadFigures> {
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${options.url}/api/v1/inquiries`,
        connections: options.connections,
        duration: options.seconds,
        timeout: 10,
        headers: { "content-type": "application/json" },
        requests: [{ method: "POST", setupRequest: (request) => ({ ...request, body: makeSubmissionBody(options.nextToken()) }) }],
      },
      (error: unknown, finished) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(finished)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
  const answered = Object.values(statusCodes).reduce((sum, n) => sum + n, 0);
  return {
    label: options.label,
    target: options.target,
    mode: "closed-loop",
    connections: options.connections,
    seconds: result.duration,
    sent: result.requests.sent,
    ok2xx: latencies.length,
    non2xx: answered - latencies.length,
    errors: result.errors,
    timeouts: result.timeouts,
    abandoned: Math.max(0, result.requests.sent - answered - result.errors),
    statusCodes,
    throughput: Math.round((latencies.length / result.duration) * 10) / 10,
    latency: summariseLatencies(latencies),
  };
}
