import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import { tmpdir } from "node:os";
import path from "node:path";
import { Webhook } from "standardwebhooks";
import { closeAtOnce, listenOnLoopback } from "../../support/loopback-server";

export type ReceivedHook = { webhookId: string; referenceCode: string | undefined; validSignature: boolean; body: string; receivedAt: number };

/**
 * A webhook receiver as production requires one: HTTPS (a throw-away
 * self-signed certificate for 127.0.0.1, which the app processes trust through
 * NODE_EXTRA_CA_CERTS = `caFile`). Each request is verified on arrival with
 * the Standard Webhooks library, inside its five-minute replay window. It can
 * be stopped and started on the same port to simulate an outage.
 */
export type WebhookSink = {
  readonly url: string;
  readonly caFile: string;
  readonly received: ReceivedHook[];
  secret: string;
  start(): Promise<void>;
  stop(): Promise<void>;
};

export async function startWebhookSink(): Promise<WebhookSink> {
  const dir = mkdtempSync(path.join(tmpdir(), "webhook-sink-"));
  const keyFile = path.join(dir, "key.pem");
  const caFile = path.join(dir, "cert.pem");
  execFileSync("openssl", [
    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", keyFile, "-out", caFile,
  ], { stdio: "ignore" });
  const tls = { key: readFileSync(keyFile), cert: readFileSync(caFile) };
  const received: ReceivedHook[] = [];
  let port = 0;
  let server: Server | undefined;
  const sink: WebhookSink = {
    get url() {
      return `https://127.0.0.1:${port}/hooks/intake`;
    },
    caFile,
    received,
    secret: "",
    async start() {
      if (server) return;
      const instance = createServer(tls, (request, response) => {
        const chunks: Buffer[] = [];
        request.on("data", (chunk: Buffer) => chunks.push(chunk));
        request.on("end", () => {
          const body = Buffer.concat(chunks).toString("utf8");
          const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]));
          let referenceCode: string | undefined;
          let validSignature = true;
          try {
            const payload = new Webhook(sink.secret).verify(body, headers) as { data?: { referenceCode?: string } };
            referenceCode = payload.data?.referenceCode;
          } catch {
            validSignature = false;
          }
          received.push({ webhookId: headers["webhook-id"] ?? "", referenceCode, validSignature, body, receivedAt: Date.now() });
          response.statusCode = validSignature ? 204 : 400;
          response.end();
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
  };
  await sink.start();
  return sink;
}
