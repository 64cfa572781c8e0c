import net from "node:net";

// The one free-port helper of the test suites and the benchmark.

export type PortOptions = {
  /** Every host the port must be free on (the app may listen on "localhost", a sink on 127.0.0.1). */
  hosts?: readonly string[];
  /** Stay within this range (a suite that documents its ports), never handing a port out twice. */
  range?: { first: number; last: number };
};

const handedOut = new Set<number>();

function listenOnce(port: number, host: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(undefined));
    server.listen(port, host, () => {
      const address = server.address();
      const chosen = typeof address === "object" && address ? address.port : undefined;
      server.close(() => resolve(chosen));
    });
  });
}

async function freeOnAll(port: number, hosts: readonly string[]): Promise<boolean> {
  for (const host of hosts) if ((await listenOnce(port, host)) === undefined) return false;
  return true;
}

/**
 * `preferred` if nothing listens on it. Otherwise: within `range`, the next
 * free port after it; without one, a port the operating system picks.
 */
export async function freePort(preferred: number, options: PortOptions = {}): Promise<number> {
  const hosts = options.hosts ?? ["127.0.0.1"];
  const { range } = options;
  if (!range) {
    // 0 asks the operating system, as listen(0) does.
    if (preferred !== 0 && (await freeOnAll(preferred, hosts))) return preferred;
    const picked = await listenOnce(0, hosts[0] ?? "127.0.0.1");
    if (picked === undefined || !(await freeOnAll(picked, hosts))) throw new Error("could not find a free TCP port on loopback");
    return picked;
  }
  const span = range.last - range.first + 1;
  for (let offset = 0; offset < span; offset += 1) {
    const port = range.first + ((preferred - range.first + offset + span) % span);
    if (handedOut.has(port)) continue;
    if (await freeOnAll(port, hosts)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error(`no free port in ${range.first}-${range.last} on loopback`);
}
