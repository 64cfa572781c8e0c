import http from "node:http";
import type { AddressInfo } from "node:net";
import { countHttpResponse } from "../../lib/metrics/http-response-metrics";
import { normaliseSocketAddress, rewriteForwardedHeaders } from "../../lib/security/forwarded-headers";

export type RunningServer = {
  readonly port: number;
  /** Stops accepting, lets in-flight requests finish (at most `drainMs`), then closes Next. */
  close(options: { drainMs: number }): Promise<{ forced: number }>;
};

/**
 * The production HTTP server: Next.js's request handler behind a plain Node
 * server, so the client address is decided from the connection before Next
 * sees a header a client could have written (lib/security/forwarded-headers).
 */
export async function serveNext(options: {
  dir: string;
  hostname: string;
  port: number;
  trustedProxyHops: number;
}): Promise<RunningServer> {
  // Loaded here, not at the top: NODE_ENV must be "production" before Next reads it.
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: options.dir, hostname: options.hostname, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const upgrade = app.getUpgradeHandler();

  let inFlight = 0;
  const server = http.createServer((request, response) => {
    inFlight += 1;
    response.once("close", () => {
      inFlight -= 1;
    });
    response.once("finish", () => countHttpResponse(response.statusCode));
    rewriteForwardedHeaders({
      headers: request.headers,
      peer: normaliseSocketAddress(request.socket.remoteAddress),
      trustedProxyHops: options.trustedProxyHops,
    });
    void handle(request, response);
  });
  server.on("upgrade", (request: http.IncomingMessage, socket, head: Buffer) => {
    rewriteForwardedHeaders({ headers: request.headers, peer: normaliseSocketAddress(request.socket.remoteAddress), trustedProxyHops: options.trustedProxyHops });
    void upgrade(request, socket, head);
  });
  // Longer than a reverse proxy's idle timeout (Caddy, nginx: 60 s or less
  // upstream keep-alive), so the proxy, not we, closes idle connections.
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, () => {
      server.off("error", reject);
      resolve();
    });
  });

  return {
    port: (server.address() as AddressInfo).port,
    async close({ drainMs }) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle keep-alive sockets would hold close() open; busy ones finish their response first.
      server.closeIdleConnections();
      const idleSweep = setInterval(() => server.closeIdleConnections(), 250);
      let forced = 0;
      const deadline = new Promise<"late">((resolve) => setTimeout(() => resolve("late"), drainMs).unref());
      if ((await Promise.race([closed.then(() => "done" as const), deadline])) === "late") {
        forced = inFlight;
        server.closeAllConnections();
        await closed;
      }
      clearInterval(idleSweep);
      await app.close();
      return { forced };
    },
  };
}
