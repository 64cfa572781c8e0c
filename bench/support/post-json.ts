import http from "node:http";

export type JsonResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One POST over `agent` (keep-alive), resolved with the whole response. */
export function postJson(options: {
  url: string;
  body: string;
  agent?: http.Agent;
  headers?: Record<string, string>;
  timeoutMs?: number;
  signal?: AbortSignal;
}): Promise<JsonResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      options.url,
      {
        method: "POST",
        agent: options.agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(options.body), ...options.headers },
        timeout: options.timeoutMs ?? 10_000,
        signal: options.signal,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }),
        );
      },
    );
    request.on("timeout", () => request.destroy(new Error("request timed out")));
    request.on("error", reject);
    request.end(options.body);
  });
}
