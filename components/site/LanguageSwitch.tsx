"use client";

export const LANGUAGE_SWITCH_EVENT = "iop:language-switch";

export type LanguageLink = { locale: string; href: string; nativeName: string; switchLabel: string };

// Links to the same page in each other language (worked out on the server
// from lib/i18n/locales.ts, so the message catalogues stay out of this
// bundle), each named in its own language. Just before leaving it tells the
// form (if any) to hand its answers over, so switching language mid-form does
// not lose them.
export function LanguageSwitch({ links }: { links: readonly LanguageLink[] }) {
  return links.map((link) => (
    <a
      key={link.locale}
      href={link.href}
      hrefLang={link.locale}
      lang={link.locale}
      aria-label={link.switchLabel}
      onClick={() => window.dispatchEvent(new Event(LANGUAGE_SWITCH_EVENT))}
    >
      {link.nativeName}
    </a>
  ));
}
