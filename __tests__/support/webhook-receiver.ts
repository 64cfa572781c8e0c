import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { closeAtOnce, listenOnLoopback } from "./loopback-server";

export type ReceivedWebhook = { headers: IncomingHttpHeaders; body: string; receivedAt: number };

// A real HTTP receiver on loopback, in the test process: the app's fetch
// connects over TCP exactly as it would to a clinic's receiver. It can be
// stopped and started again on the same port (an outage), or answer with an
// error status (a receiver that is up but failing).
export type WebhookReceiver = {
  readonly url: string;
  readonly received: ReceivedWebhook[];
  status: number;
  stop(): Promise<void>;
  start(): Promise<void>;
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
};

export async function startWebhookReceiver(path = "/hook"): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let port = 0;
  let server: Server | undefined;
  const receiver: WebhookReceiver = {
    get url() {
      return `http://127.0.0.1:${port}${path}`;
    },
    received,
    status: 204,
    async start() {
      if (server) return;
      const instance = createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on("data", (chunk: Buffer) => chunks.push(chunk));
        request.on("end", () => {
          // Only a receiver that answers 2xx has "got" the message.
          if (receiver.status >= 200 && receiver.status < 300) {
            received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8"), receivedAt: Date.now() });
          }
          response.statusCode = receiver.status;
          response.end(receiver.status >= 400 ? "receiver says no: this text must never be stored" : "");
        });
      });
      port = await listenOnLoopback(instance, port);
      server = instance;
    },
    async stop() {
      const instance = server;
      server = undefined;
      await closeAtOnce(instance);
    },
    async waitFor(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} webhooks, got ${received.length}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return received;
    },
  };
  await receiver.start();
  return receiver;
}
