import { localePath, type Locale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";

// Copy-paste snippets for putting the form on the clinic's own site
// (WordPress, Squarespace…): a plain, styled link in each language, which
// needs no script and no framing, and, only if the clinic opted in, an iframe.
// Their wording is in each language's messages file ("embed").
const BUTTON_STYLE =
  "display:inline-block;padding:0.75em 1.25em;border-radius:6px;background:#1d4f91;color:#fff;font-weight:600;text-decoration:none;font-family:inherit";

export function embedLinkSnippet(publicUrl: string, locale: Locale): string {
  const href = new URL(localePath(locale, "/request"), publicUrl).toString();
  // rel="noreferrer": the form learns nothing about the page the person came from, and vice versa.
  return `<a href="${href}" rel="noreferrer" style="${BUTTON_STYLE}">${messagesFor(locale).embed.linkLabel}</a>`;
}

export function embedFrameSnippet(publicUrl: string, locale: Locale): string {
  const src = new URL(localePath(locale, "/request"), publicUrl).toString();
  return `<iframe src="${src}" title="${messagesFor(locale).embed.frameTitle}" style="width:100%;min-height:1400px;border:0" referrerpolicy="no-referrer"></iframe>`;
}
