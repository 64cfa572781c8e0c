import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "@playwright/test";
import { simpleParser, type ParsedMail } from "mailparser";
import { MAIL_DIR } from "./paths";

/** Every message the SMTP server has saved so far, parsed. */
export async function readMailbox(): Promise<ParsedMail[]> {
  const names = (await readdir(MAIL_DIR)).filter((name) => name.endsWith(".eml") && !name.startsWith(".")).sort();
  return Promise.all(names.map(async (name) => simpleParser(await readFile(path.join(MAIL_DIR, name)))));
}

export async function messagesAbout(referenceCode: string): Promise<ParsedMail[]> {
  return (await readMailbox()).filter((mail) => (mail.subject ?? "").includes(referenceCode));
}

/**
 * Waits for the notification about `referenceCode`, then keeps watching for a
 * few worker polls (NOTIFY_POLL_MS is 200 ms) to be sure exactly one was sent.
 */
export async function theOneNotificationAbout(referenceCode: string): Promise<ParsedMail> {
  await expect.poll(async () => (await messagesAbout(referenceCode)).length, { timeout: 15_000 }).toBeGreaterThan(0);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const messages = await messagesAbout(referenceCode);
  expect(messages, `notifications about ${referenceCode}`).toHaveLength(1);
  const [message] = messages;
  if (!message) throw new Error("unreachable");
  return message;
}

/** Subject, plain text and HTML of a message, for "contains none of" checks. */
export function everythingReadableIn(mail: ParsedMail): string {
  return [mail.subject ?? "", mail.text ?? "", typeof mail.html === "string" ? mail.html : ""].join("\n");
}
