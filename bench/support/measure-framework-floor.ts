import autocannon from "autocannon";
import { groupCpuMs } from "./process-group";

export type FrameworkFloor = {
  connections: number;
  seconds: number;
  /** Answers per second, all of them the expected 400. */
  throughput: number;
  other: number;
  cpuMsPerRequest: number;
};

/**
 * What the submission route costs before it does any work of ours: POST
 * /api/v1/inquiries with an envelope that fails its first check, so Next.js
 * routes the request, the handler reads the JSON body and answers a 400
 * problem+json, and nothing touches the database or the mail server. The
 * ceiling the app could reach if storing an inquiry cost nothing.
 */
export async function measureFrameworkFloor(options: { url: string; groupId: number; connections: number; seconds: number }): Promise<FrameworkFloor> {
  let rejected = 0;
  let other = 0;
  const cpuBefore = groupCpuMs(options.groupId);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${options.url}/api/v1/inquiries`,
        connections: options.connections,
        duration: options.seconds,
        timeout: 10,
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ unexpected: true }),
      },
      (error: unknown, finished) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(finished)),
    );
    instance.on("response", (_client, statusCode) => {
      if (statusCode === 400) rejected += 1;
      else other += 1;
    });
  });
  const cpuMs = groupCpuMs(options.groupId) - cpuBefore;
  return {
    connections: options.connections,
    seconds: result.duration,
    throughput: Math.round((rejected / result.duration) * 10) / 10,
    other,
    cpuMsPerRequest: rejected === 0 ? Number.NaN : Math.round((cpuMs / rejected) * 100) / 100,
  };
}
