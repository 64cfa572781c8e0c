import "server-only";
import { accessLinkEmail } from "@/lib/auth/access-links/access-link-email";
import { accessLinkUrl, type AccessLinkPurpose } from "@/lib/auth/access-links/access-link";
import { getEnv } from "@/lib/env";
import { getMailTransport } from "@/lib/notifications/mail-transport";

// Mails a link made (and committed) by the caller. A failed send is reported,
// not thrown: the admin is told and can send a new link.
export async function sendAccessLink(options: { to: string; purpose: AccessLinkPurpose; token: string; expiresAt: Date }): Promise<boolean> {
  const env = getEnv();
  const message = accessLinkEmail({ purpose: options.purpose, url: accessLinkUrl(env.PUBLIC_URL, options.purpose, options.token), expiresAt: options.expiresAt });
  try {
    await getMailTransport().sendMail({ from: env.MAIL_FROM, to: options.to, subject: message.subject, text: message.text });
    return true;
  } catch {
    return false;
  }
}
