import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { startSmtpServer } from "@/__tests__/kit/smtp-server";

export type MailCatcher = { port: number; stop(): Promise<void> };

/**
 * The kit's SMTP server, saving every message it accepts, raw, as an .eml
 * file in `directory`: the specs run in other processes and read that folder.
 * Each file is written under a hidden temporary name and renamed when
 * complete, so a reader never sees half a message.
 */
export async function startMailCatcher(options: { directory: string }): Promise<MailCatcher> {
  await rm(options.directory, { recursive: true, force: true });
  await mkdir(options.directory, { recursive: true });
  let sequence = 0;
  const server = await startSmtpServer({
    onMessage: async ({ raw }) => {
      sequence += 1;
      const name = `${Date.now()}-${String(sequence).padStart(4, "0")}.eml`;
      const partial = path.join(options.directory, `.${name}.partial`);
      await writeFile(partial, raw);
      await rename(partial, path.join(options.directory, name));
    },
  });
  return { port: server.port, stop: server.stop };
}
