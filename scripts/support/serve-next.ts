import { countHttpResponse } from "../../lib/metrics/http-response-metrics";
import type { TrustedProxies } from "../../lib/security/trusted-proxies";
import { startFrontServer } from "./front-server";

export type RunningServer = {
  readonly port: number;
  /** Stops accepting, lets in-flight requests finish (at most `drainMs`), then closes Next. */
  close(options: { drainMs: number }): Promise<{ forced: number }>;
};

/**
 * The production HTTP server: Next.js's request handler behind our own Node
 * server (front-server.ts), so the client address is decided from the
 * connection before Next sees a header a client could have written.
 */
export async function serveNext(options: {
  dir: string;
  /** Undefined: every interface. */
  hostname?: string;
  port: number;
  trustedProxyHops: number;
  trustedProxies?: TrustedProxies;
}): Promise<RunningServer> {
  // Loaded here, not at the top: NODE_ENV must be "production" before Next reads it.
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: options.dir, hostname: options.hostname ?? "localhost", port: options.port });
  // Runs instrumentation.ts (environment check, in-process worker) before the first request.
  await app.prepare();
  const handle = app.getRequestHandler();
  const upgrade = app.getUpgradeHandler();
  const front = await startFrontServer({
    hostname: options.hostname,
    port: options.port,
    trustedProxyHops: options.trustedProxyHops,
    trustedProxies: options.trustedProxies,
    handle: (request, response) => {
      response.once("finish", () => countHttpResponse(response.statusCode));
      // Next.js answers its own errors; this is for one that escapes it, so
      // the request ends instead of hanging until the drain cuts it off.
      handle(request, response).catch(() => {
        if (!response.headersSent) response.statusCode = 500;
        response.end();
      });
    },
    upgrade: (request, socket, head) => void upgrade(request, socket, head),
  });
  return {
    port: front.port,
    async close({ drainMs }) {
      const result = await front.drain({ drainMs });
      await app.close();
      return result;
    },
  };
}
