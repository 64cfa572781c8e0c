import "server-only";
import { mkdirSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { SentMessageInfo, Transport } from "nodemailer";
import type MailMessage from "nodemailer/lib/mailer/mail-message";
import { logger } from "@/lib/logging/logger";

// Development mail sink: a nodemailer transport that stores each composed
// message as an .eml file (open it with any mail client) and logs its path.
// The message goes through nodemailer's real composer, so what lands on disk
// is byte for byte what an SMTP server would have received.
export function createFileSinkTransport(options: { directory: string }): Transport<SentMessageInfo> {
  const directory = path.resolve(options.directory);
  mkdirSync(directory, { recursive: true });
  return {
    name: "file-sink",
    version: "1.0.0",
    send(mail: MailMessage, callback: (err: Error | null, info?: SentMessageInfo) => void) {
      const messageId = mail.message.messageId();
      const file = path.join(directory, `${new Date().toISOString().replace(/[:.]/g, "-")}-${messageId.replace(/[^A-Za-z0-9]/g, "")}.eml`);
      mail.message.build((buildError, raw) => {
        if (buildError) return callback(buildError);
        writeFile(file, raw).then(
          () => {
            logger.info({ file }, "dev mail sink: message saved");
            callback(null, { envelope: mail.message.getEnvelope(), messageId, file });
          },
          (writeError: Error) => callback(writeError),
        );
      });
    },
  };
}
