import { simpleParser, type ParsedMail } from "mailparser";
import { startSmtpServer } from "@/__tests__/kit/smtp-server";

// A real SMTP server in the test process (the kit's), keeping every message
// parsed: the app's nodemailer transport connects to it over TCP and speaks
// SMTP, exactly as it would to the clinic's mail server. It can be stopped
// and restarted on the same port to simulate an outage.
export type SmtpSink = {
  readonly port: number;
  readonly messages: ParsedMail[];
  stop(): Promise<void>;
  start(): Promise<void>;
  waitForMessages(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
};

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  const server = await startSmtpServer({
    onMessage: async ({ raw }) => {
      messages.push(await simpleParser(raw));
    },
  });
  return {
    get port() {
      return server.port;
    },
    messages,
    start: server.start,
    stop: server.stop,
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
