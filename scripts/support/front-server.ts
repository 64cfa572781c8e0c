import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { normaliseSocketAddress, rewriteForwardedHeaders } from "../../lib/security/forwarded-headers";
import type { TrustedProxies } from "../../lib/security/trusted-proxies";

export type FrontServer = {
  readonly port: number;
  /**
   * Stops accepting connections, closes idle keep-alive ones, and waits for
   * requests in flight to finish, at most `drainMs`; then cuts off what is
   * left. Resolves with how many requests were cut off.
   */
  drain(options: { drainMs: number }): Promise<{ forced: number }>;
};

/**
 * A plain Node HTTP server that decides each request's client address from
 * the connection (lib/security/forwarded-headers.ts) before `handle` sees its
 * headers, and can be drained on shutdown.
 */
export async function startFrontServer(options: {
  /** Undefined: every interface. */
  hostname?: string;
  port: number;
  trustedProxyHops: number;
  /** TRUSTED_PROXY_CIDRS, when set: used instead of the hop count. */
  trustedProxies?: TrustedProxies;
  handle: (request: http.IncomingMessage, response: http.ServerResponse) => void;
  upgrade?: (request: http.IncomingMessage, socket: Duplex, head: Buffer) => void;
}): Promise<FrontServer> {
  const decide = (request: http.IncomingMessage) =>
    rewriteForwardedHeaders({
      headers: request.headers,
      peer: normaliseSocketAddress(request.socket.remoteAddress),
      trustedProxyHops: options.trustedProxyHops,
      trustedProxies: options.trustedProxies,
    });

  let inFlight = 0;
  const server = http.createServer((request, response) => {
    inFlight += 1;
    response.once("close", () => {
      inFlight -= 1;
    });
    decide(request);
    options.handle(request, response);
  });
  server.on("upgrade", (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    decide(request);
    if (options.upgrade) options.upgrade(request, socket, head);
    else socket.destroy();
  });
  // Longer than a reverse proxy's upstream idle timeout (Caddy, nginx: 60 s
  // or less), so the proxy, not we, closes idle connections.
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
    async drain({ drainMs }) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A keep-alive connection becomes idle once its response is sent: close
      // those as they appear, so close() is not held open by them.
      server.closeIdleConnections();
      const sweep = setInterval(() => server.closeIdleConnections(), 100);
      const deadline = new Promise<"late">((resolve) => setTimeout(() => resolve("late"), drainMs).unref());
      let forced = 0;
      if ((await Promise.race([closed.then(() => "done" as const), deadline])) === "late") {
        forced = inFlight;
        server.closeAllConnections();
        await closed;
      }
      clearInterval(sweep);
      return { forced };
    },
  };
}
