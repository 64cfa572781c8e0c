import net from "node:net";

/** True when something accepts TCP connections on 127.0.0.1:`port`. */
export async function probePort(options: { port: number; timeoutMs?: number }): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port: options.port });
    const finish = (listening: boolean) => {
      socket.destroy();
      resolve(listening);
    };
    socket.setTimeout(options.timeoutMs ?? 1000, () => finish(true));
    socket.once("connect", () => finish(true));
    socket.once("error", () => finish(false));
  });
}
