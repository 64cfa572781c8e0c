import { SMTPServer } from "smtp-server";

export type ReceivedMail = { messageId: string; subject: string; to: string[]; receivedAt: number };

export type MailSink = {
  readonly port: number;
  readonly received: readonly ReceivedMail[];
  running(): boolean;
  /** Takes the server down: refuses new connections and ends open ones (the app's pooled connections too). */
  stop(): Promise<void>;
  start(): Promise<void>;
};

// Only the headers the checks need; unfolded per RFC 5322.
function header(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? "";
  const unfolded = head.replace(/\r?\n[ \t]+/g, " ");
  const match = new RegExp(`^${name}:[ \\t]*(.*)$`, "im").exec(unfolded);
  return match?.[1]?.trim() ?? "";
}

/**
 * A real SMTP server (no AUTH, no STARTTLS) on 127.0.0.1:`port`, recording
 * each accepted message's Message-ID and subject. It can be stopped and
 * started again on the same port to simulate an outage of the clinic's mail server.
 */
export async function startMailSink(options: { port: number; acceptDelayMs?: number }): Promise<MailSink> {
  const received: ReceivedMail[] = [];
  let server: SMTPServer | undefined;

  const start = () =>
    new Promise<void>((resolve, reject) => {
      if (server) return resolve();
      const instance = new SMTPServer({
        authOptional: true,
        disabledCommands: ["AUTH", "STARTTLS"],
        logger: false,
        // On stop, open connections get "421 shutting down" at their next
        // command and are closed after this long: a real outage, not a drain.
        closeTimeout: 500,
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("error", (error) => callback(error));
          stream.on("end", async () => {
            // A slow mail server, when asked for: each message is answered this much later.
            if (options.acceptDelayMs) await new Promise((resolve) => setTimeout(resolve, options.acceptDelayMs));
            const raw = Buffer.concat(chunks).toString("utf8");
            received.push({
              messageId: header(raw, "Message-ID"),
              subject: header(raw, "Subject"),
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              receivedAt: Date.now(),
            });
            callback();
          });
        },
      });
      const failedToListen = (error: Error) => reject(error);
      instance.once("error", failedToListen);
      instance.listen(options.port, "127.0.0.1", () => {
        instance.off("error", failedToListen);
        // Connections the app drops mid-conversation are part of the test.
        instance.on("error", () => undefined);
        server = instance;
        resolve();
      });
    });

  await start();
  return {
    port: options.port,
    received,
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
