import { simpleParser, type ParsedMail } from "mailparser";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

// A real SMTP server in the test process: the app's nodemailer transport
// connects to it over TCP and speaks SMTP, exactly as it would to the clinic's
// mail server. It can be stopped and restarted on the same port to simulate
// an outage.
export type SmtpSink = {
  readonly port: number;
  readonly messages: ParsedMail[];
  stop(): Promise<void>;
  start(): Promise<void>;
  waitForMessages(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
};

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  let port = 0;
  let server: SMTPServer | undefined;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      if (server) return resolve();
      const instance = new SMTPServer({
        authOptional: true,
        disabledCommands: ["AUTH", "STARTTLS"],
        logger: false,
        onData(stream, _session, callback) {
          simpleParser(stream).then(
            (mail) => {
              messages.push(mail);
              callback();
            },
            (error: Error) => callback(error),
          );
        },
      });
      instance.on("error", reject);
      instance.listen(port, "127.0.0.1", () => {
        const address = instance.server.address() as AddressInfo;
        port = address.port;
        server = instance;
        resolve();
      });
    });

  await listen();
  return {
    get port() {
      return port;
    },
    messages,
    start: listen,
    stop: () =>
      new Promise<void>((resolve) => {
        const running = server;
        server = undefined;
        if (!running) return resolve();
        running.close(() => resolve());
      }),
    async waitForMessages(count, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} emails, received ${messages.length}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return messages;
    },
  };
}
