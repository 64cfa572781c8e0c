import net from "node:net";

function tryListen(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(undefined));
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const chosen = typeof address === "object" && address ? address.port : undefined;
      server.close(() => resolve(chosen));
    });
  });
}

/** `preferred` if nothing listens on it on 127.0.0.1, else a port the operating system picks. */
export async function freePort(preferred: number): Promise<number> {
  const port = (await tryListen(preferred)) ?? (await tryListen(0));
  if (port === undefined) throw new Error("could not find a free TCP port on 127.0.0.1");
  return port;
}
