import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "@/lib/env";
import { createFileSinkTransport } from "@/lib/notifications/file-sink-transport";

// One transport per process, built from validated configuration. Real SMTP
// when SMTP_URL is set: smtps:// is TLS from the first byte; smtp:// must
// upgrade with STARTTLS (requireTLS) unless the server is on this machine
// (a local relay: nothing crosses a network). Certificates are always
// verified; in production lib/env.ts refuses query-string options, the only
// way nodemailer would let SMTP_URL weaken this. Otherwise the development
// sink that writes .eml files.
// Also how many sends the outbox worker starts at once (one per connection),
// so none waits in nodemailer's queue, out of sight of the lease check.
export const SMTP_MAX_CONNECTIONS = 3;

const globalForMail = globalThis as typeof globalThis & { iopMailTransport?: Transporter };

export function getMailTransport(): Transporter {
  if (!globalForMail.iopMailTransport) {
    const env = getEnv();
    globalForMail.iopMailTransport = env.SMTP_URL
      ? nodemailer.createTransport({
          url: env.SMTP_URL,
          pool: true,
          maxConnections: SMTP_MAX_CONNECTIONS,
          connectionTimeout: 10_000,
          socketTimeout: 20_000,
          requireTLS: needsStartTls(env.SMTP_URL),
          tls: { rejectUnauthorized: true },
        })
      : nodemailer.createTransport(createFileSinkTransport({ directory: env.MAIL_SINK_DIR ?? ".data/mail" }));
  }
  return globalForMail.iopMailTransport;
}

export function closeMailTransport(): void {
  globalForMail.iopMailTransport?.close();
  globalForMail.iopMailTransport = undefined;
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Whether an smtp:// URL must be upgraded with STARTTLS before anything is sent. */
export function needsStartTls(smtpUrl: string): boolean {
  const url = new URL(smtpUrl);
  return url.protocol === "smtp:" && !LOOPBACK_HOSTS.has(url.hostname) && !url.hostname.startsWith("127.");
}
