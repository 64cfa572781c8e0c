import http from "node:http";
import { makeSubmissionBody } from "./inquiry-payload";
import { summariseLatencies, type LatencySummary } from "./latency-stats";
import { postJson } from "./post-json";

export type SequentialFigures = { count: number; ok2xx: number; latency: LatencySummary };

/** `count` submissions one after another over one keep-alive connection: the cost of one request with no queueing. */
export async function runSequential(options: { url: string; count: number; nextToken: () => string }): Promise<SequentialFigures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  try {
    for (let i = 0; i < options.count; i += 1) {
      const started = performance.now();
      const response = await postJson({ url: `${options.url}/api/v1/inquiries`, body: makeSubmissionBody(options.nextToken()), agent });
      if (response.status >= 200 && response.status < 300) latencies.push(performance.now() - started);
    }
  } finally {
    agent.destroy();
  }
  return { count: options.count, ok2xx: latencies.length, latency: summariseLatencies(latencies) };
}
