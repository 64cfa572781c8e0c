import net from "node:net";
import { PORT_RANGE } from "./settings";

const taken = new Set<number>();

function canListenOn(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

// The app listens on "localhost" and the SMTP sink on 127.0.0.1: free on both.
async function canListen(port: number): Promise<boolean> {
  return (await canListenOn(port, "127.0.0.1")) && (await canListenOn(port, "localhost"));
}

/** A free loopback port in this suite's range, starting at `preferred`, never handed out twice. */
export async function freePort(preferred: number): Promise<number> {
  const span = PORT_RANGE.last - PORT_RANGE.first + 1;
  for (let offset = 0; offset < span; offset += 1) {
    const port = PORT_RANGE.first + ((preferred - PORT_RANGE.first + offset) % span);
    if (taken.has(port)) continue;
    if (await canListen(port)) {
      taken.add(port);
      return port;
    }
  }
  throw new Error(`no free port in ${PORT_RANGE.first}-${PORT_RANGE.last} on loopback`);
}
