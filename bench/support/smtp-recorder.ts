import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type SmtpRecorder = {
  readonly port: number;
  /** performance.now() at which each message was accepted, by reference code. */
  readonly acceptedAt: ReadonlyMap<string, number>;
  readonly received: () => number;
  stop(): Promise<void>;
};

const SUBJECT_CODE = /^Subject:[^\r\n]*New intake request ([A-Z0-9]{4}-[A-Z0-9]{4})/im;

/**
 * An SMTP server on loopback that accepts everything and notes when each
 * message arrived. It reads only the Subject line of each message (no MIME
 * parsing): it shares the process with the load generator, so it must stay cheap.
 */
export async function startSmtpRecorder(): Promise<SmtpRecorder> {
  const acceptedAt = new Map<string, number>();
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    // The app's pool keeps up to 3 connections; leave room for a second instance.
    maxClients: 50,
    // Stopping waits for open connections; the app's pool may still hold one.
    closeTimeout: 2000,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        received += 1;
        const head = Buffer.concat(chunks).subarray(0, 4096).toString("latin1");
        const code = SUBJECT_CODE.exec(head)?.[1];
        if (code && !acceptedAt.has(code)) acceptedAt.set(code, performance.now());
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  server.on("error", () => undefined);
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    acceptedAt,
    received: () => received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
