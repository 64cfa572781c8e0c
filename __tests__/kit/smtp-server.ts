import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

// The one SMTP server of the test suites and the benchmark: real SMTP over
// TCP on 127.0.0.1 (no AUTH, no STARTTLS), exactly what the app's nodemailer
// transport meets in production minus TLS. What to do with each message is
// the caller's (parse it, save it as .eml, note its subject); stopping and
// starting again on the same port simulates an outage of the clinic's mail
// server.

export type ReceivedMessage = { raw: Buffer; recipients: string[] };

export type SmtpServerOptions = {
  /** 0 (the default): a port the operating system picks, kept across restarts. */
  port?: number;
  /** How long stop() lets open connections finish; they then get "421" and are closed. */
  closeTimeout?: number;
  maxClients?: number;
  /** Answer each message this much later (a slow mail server). */
  acceptDelayMs?: number;
  onMessage(message: ReceivedMessage): void | Promise<void>;
};

export type RunningSmtpServer = {
  readonly port: number;
  running(): boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
};

export async function startSmtpServer(options: SmtpServerOptions): Promise<RunningSmtpServer> {
  let port = options.port ?? 0;
  let server: SMTPServer | undefined;

  const start = () =>
    new Promise<void>((resolve, reject) => {
      if (server) return resolve();
      const instance = new SMTPServer({
        authOptional: true,
        disabledCommands: ["AUTH", "STARTTLS"],
        logger: false,
        ...(options.closeTimeout === undefined ? {} : { closeTimeout: options.closeTimeout }),
        ...(options.maxClients === undefined ? {} : { maxClients: options.maxClients }),
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("error", (error) => callback(error));
          stream.on("end", () => {
            const delay = options.acceptDelayMs ? new Promise((wait) => setTimeout(wait, options.acceptDelayMs)) : Promise.resolve();
            const recipients = session.envelope.rcptTo.map((rcpt) => rcpt.address);
            delay
              .then(() => options.onMessage({ raw: Buffer.concat(chunks), recipients }))
              .then(
                () => callback(),
                (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
              );
          });
        },
      });
      const failedToListen = (error: Error) => reject(error);
      instance.once("error", failedToListen);
      instance.listen(port, "127.0.0.1", () => {
        instance.off("error", failedToListen);
        // Connections the app drops mid-conversation are part of the tests.
        instance.on("error", () => undefined);
        port = (instance.server.address() as AddressInfo).port;
        server = instance;
        resolve();
      });
    });

  await start();
  return {
    get port() {
      return port;
    },
    running: () => server !== undefined,
    start,
    stop: () =>
      new Promise<void>((resolve) => {
        const running = server;
        server = undefined;
        if (!running) return resolve();
        running.close(() => resolve());
      }),
  };
}
