import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { SMTPServer } from "smtp-server";

export type MailCatcher = { port: number; stop(): Promise<void> };

/**
 * A real SMTP server (no AUTH, no STARTTLS) on 127.0.0.1 that saves every
 * message it accepts, raw, as an .eml file in `directory`. The specs run in
 * other processes and read that folder. Each file is written under a hidden
 * temporary name and renamed when complete, so a reader never sees half a message.
 */
export async function startMailCatcher(options: { directory: string }): Promise<MailCatcher> {
  await rm(options.directory, { recursive: true, force: true });
  await mkdir(options.directory, { recursive: true });
  let sequence = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      sequence += 1;
      const name = `${Date.now()}-${String(sequence).padStart(4, "0")}.eml`;
      const partial = path.join(options.directory, `.${name}.partial`);
      const file = createWriteStream(partial);
      stream.on("error", (error) => callback(error));
      file.on("error", (error) => callback(error));
      file.on("finish", () => {
        rename(partial, path.join(options.directory, name)).then(() => callback(), (error: Error) => callback(error));
      });
      stream.pipe(file);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  server.on("error", () => undefined);
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
