import { expect } from "@playwright/test";
import type { ParsedMail } from "mailparser";
import { readMailbox } from "../mailbox";

function recipients(mail: ParsedMail): string[] {
  const to = mail.to === undefined ? [] : Array.isArray(mail.to) ? mail.to : [mail.to];
  return to.flatMap((group) => group.value.map((address) => (address.address ?? "").toLowerCase()));
}

export async function mailTo(email: string): Promise<ParsedMail[]> {
  return (await readMailbox()).filter((mail) => recipients(mail).includes(email.toLowerCase()));
}

const INVITATION_LINK = /https?:\/\/\S+\/staff\/invitation#token=[A-Za-z0-9_-]{43}/g;

/** Waits for the invitation the SMTP server received for `email` and returns the link in it (the newest, if several). */
export async function invitationLinkFor(email: string): Promise<{ link: string; mail: ParsedMail }> {
  await expect.poll(async () => (await mailTo(email)).length, { message: `invitation email to ${email}`, timeout: 15_000 }).toBeGreaterThan(0);
  const mail = (await mailTo(email)).at(-1);
  const link = (mail?.text ?? "").match(INVITATION_LINK)?.at(-1);
  if (!mail || !link) throw new Error(`the email to ${email} has no invitation link`);
  return { link, mail };
}
