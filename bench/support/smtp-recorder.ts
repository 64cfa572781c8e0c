import { startSmtpServer } from "@/__tests__/kit/smtp-server";

export type SmtpRecorder = {
  readonly port: number;
  /** performance.now() at which each message was accepted, by reference code. */
  readonly acceptedAt: ReadonlyMap<string, number>;
  readonly received: () => number;
  stop(): Promise<void>;
};

const SUBJECT_CODE = /^Subject:[^\r\n]*New intake request ([A-Z0-9]{4}-[A-Z0-9]{4})/im;

/**
 * The kit's SMTP server, noting when each message arrived. It reads only the
 * Subject line of each message (no MIME parsing): it shares the process with
 * the load generator, so it must stay cheap.
 */
export async function startSmtpRecorder(): Promise<SmtpRecorder> {
  const acceptedAt = new Map<string, number>();
  let received = 0;
  const server = await startSmtpServer({
    // The app's pool keeps up to 3 connections; leave room for a second instance.
    maxClients: 50,
    // Stopping waits for open connections; the app's pool may still hold one.
    closeTimeout: 2000,
    onMessage: ({ raw }) => {
      received += 1;
      const code = SUBJECT_CODE.exec(raw.subarray(0, 4096).toString("latin1"))?.[1];
      if (code && !acceptedAt.has(code)) acceptedAt.set(code, performance.now());
    },
  });
  return { port: server.port, acceptedAt, received: () => received, stop: server.stop };
}
