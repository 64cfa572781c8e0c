import type { Server as HttpServer } from "node:http";
import type { Server as HttpsServer } from "node:https";
import type { AddressInfo } from "node:net";

type LoopbackServer = HttpServer | HttpsServer;

/** Listens on 127.0.0.1 (port 0: any free one) and returns the port, so a restart after an outage can reuse it. */
export async function listenOnLoopback(server: LoopbackServer, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

/** Closes at once, dropping open connections: an outage, not a graceful drain. */
export async function closeAtOnce(server: LoopbackServer | undefined): Promise<void> {
  if (!server) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
