import { withClient } from "./pg-session";
import type { SmtpRecorder } from "./smtp-recorder";

export type OutboxDrain = {
  backlogAtStart: number;
  remaining: number;
  seconds: number;
  /** Notifications delivered per second while draining the backlog. */
  perSecond: number;
  sentRows: number;
  /** Emails the SMTP server received in all (more than sentRows would mean duplicates). */
  emailsReceived: number;
};

/** Waits (at most `timeoutSeconds`) until every outbox row is SENT, and reports how fast the backlog went. */
export async function waitForOutboxDrain(options: { databaseUrl: string; smtp: SmtpRecorder; timeoutSeconds: number }): Promise<OutboxDrain> {
  return withClient(options.databaseUrl, async (client) => {
    const pending = async () => {
      const { rows } = await client.query<{ pending: number; sent: number }>(
        `SELECT count(*) FILTER (WHERE "status" <> 'SENT')::int AS pending, count(*) FILTER (WHERE "status" = 'SENT')::int AS sent FROM "Notification"`,
      );
      return rows[0] ?? { pending: 0, sent: 0 };
    };
    const started = performance.now();
    const first = await pending();
    let last = first;
    while (last.pending > 0 && performance.now() - started < options.timeoutSeconds * 1000) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      last = await pending();
    }
    const seconds = (performance.now() - started) / 1000;
    const drained = first.pending - last.pending;
    return {
      backlogAtStart: first.pending,
      remaining: last.pending,
      seconds: Math.round(seconds * 10) / 10,
      perSecond: seconds > 0 && drained > 0 ? Math.round(drained / seconds) : 0,
      sentRows: last.sent,
      emailsReceived: options.smtp.received(),
    };
  });
}
