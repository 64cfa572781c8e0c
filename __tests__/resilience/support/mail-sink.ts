import { startSmtpServer } from "../../kit/smtp-server";

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
 * The kit's SMTP server on 127.0.0.1:`port`, recording each accepted
 * message's Message-ID and subject. Stopped and started again on the same
 * port it simulates an outage of the clinic's mail server.
 */
export async function startMailSink(options: { port: number; acceptDelayMs?: number }): Promise<MailSink> {
  const received: ReceivedMail[] = [];
  const server = await startSmtpServer({
    port: options.port,
    acceptDelayMs: options.acceptDelayMs,
    // On stop, open connections get "421 shutting down" at their next
    // command and are closed after this long: a real outage, not a drain.
    closeTimeout: 500,
    onMessage: ({ raw, recipients }) => {
      const text = raw.toString("utf8");
      received.push({ messageId: header(text, "Message-ID"), subject: header(text, "Subject"), to: recipients, receivedAt: Date.now() });
    },
  });
  return { port: options.port, received, running: server.running, start: server.start, stop: server.stop };
}
