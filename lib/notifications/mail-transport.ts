import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "@/lib/env";
import { createFileSinkTransport } from "@/lib/notifications/file-sink-transport";

// One transport per process, built from validated configuration. Real SMTP
// when SMTP_URL is set (certificates verified: nodemailer's default, never
// turned off here); otherwise the development sink that writes .eml files.
// Also how many sends the outbox worker starts at once (one per connection),
// so none waits in nodemailer's queue, out of sight of the lease check.
export const SMTP_MAX_CONNECTIONS = 3;

const globalForMail = globalThis as typeof globalThis & { iopMailTransport?: Transporter };

export function getMailTransport(): Transporter {
  if (!globalForMail.iopMailTransport) {
    const env = getEnv();
    globalForMail.iopMailTransport = env.SMTP_URL
      ? nodemailer.createTransport({ url: env.SMTP_URL, pool: true, maxConnections: SMTP_MAX_CONNECTIONS, connectionTimeout: 10_000, socketTimeout: 20_000 })
      : nodemailer.createTransport(createFileSinkTransport({ directory: env.MAIL_SINK_DIR ?? ".data/mail" }));
  }
  return globalForMail.iopMailTransport;
}

export function closeMailTransport(): void {
  globalForMail.iopMailTransport?.close();
  globalForMail.iopMailTransport = undefined;
}
