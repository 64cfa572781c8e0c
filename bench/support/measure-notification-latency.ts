import http from "node:http";
import { makeSubmissionBody } from "./inquiry-payload";
import { summariseLatencies, type LatencySummary } from "./latency-stats";
import { postJson } from "./post-json";
import type { SmtpRecorder } from "./smtp-recorder";

export type NotificationFigures = {
  submitted: number;
  ok2xx: number;
  non2xx: number;
  delivered: number;
  /** From the 201 reaching the client to the SMTP server accepting the staff email, ms. */
  latency: LatencySummary;
};

/**
 * Submits `count` inquiries, `concurrency` at a time, noting when each 201
 * arrived, then waits for the staff email of each (matched by reference code
 * in the subject) to reach the SMTP server. Both times are read from the same
 * clock in this process.
 */
export async function measureNotificationLatency(options: {
  url: string;
  count: number;
  concurrency: number;
  timeoutSeconds: number;
  smtp: SmtpRecorder;
  nextToken: () => string;
}): Promise<NotificationFigures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const answeredAt = new Map<string, number>();
  let started = 0;
  let non2xx = 0;
  const worker = async () => {
    while (started < options.count) {
      started += 1;
      const response = await postJson({ url: `${options.url}/api/v1/inquiries`, body: makeSubmissionBody(options.nextToken()), agent }).catch(
        () => undefined,
      );
      const at = performance.now();
      const code = response?.status === 201 ? (JSON.parse(response.body) as { referenceCode?: string }).referenceCode : undefined;
      if (code) answeredAt.set(code, at);
      else non2xx += 1; // (a failed request counts here too)
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  agent.destroy();

  const deadline = performance.now() + options.timeoutSeconds * 1000;
  const delivered = () => [...answeredAt.keys()].filter((code) => options.smtp.acceptedAt.has(code)).length;
  while (delivered() < answeredAt.size && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const latencies = [...answeredAt].flatMap(([code, at]) => {
    const accepted = options.smtp.acceptedAt.get(code);
    return accepted === undefined ? [] : [accepted - at];
  });
  return { submitted: options.count, ok2xx: answeredAt.size, non2xx, delivered: latencies.length, latency: summariseLatencies(latencies) };
}
