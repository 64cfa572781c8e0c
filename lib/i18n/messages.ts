import en from "@/lib/i18n/messages/en.json";
import es from "@/lib/i18n/messages/es.json";
import privacyEn from "@/lib/i18n/messages/privacy.en.json";
import privacyEs from "@/lib/i18n/messages/privacy.es.json";
import type { Locale } from "@/lib/i18n/locales";

type Catalogue = typeof en & { privacy: typeof privacyEn };

// All public wording, per locale. The privacy notice is kept in files of its
// own because it is long and reviewed separately. `satisfies` makes a
// language added to lib/i18n/locales.ts without its files a compile error,
// and a file whose shape differs from English's one too; the unit test
// __tests__/unit/i18n/message-completeness.test.ts catches empty texts.
const MESSAGES = {
  en: { ...en, privacy: privacyEn },
  es: { ...es, privacy: privacyEs },
} as const satisfies Record<Locale, Catalogue>;

export type Messages = Catalogue;

export function messagesFor(locale: Locale): Messages {
  return MESSAGES[locale];
}

// The namespaces client components read. Only these are serialised into the
// page, keeping the landing page's payload small.
export const CLIENT_NAMESPACES = ["chrome", "crisis", "form", "errors", "failures", "confirmation"] as const;

export function clientMessagesFor(locale: Locale) {
  const all = messagesFor(locale);
  return Object.fromEntries(CLIENT_NAMESPACES.map((namespace) => [namespace, all[namespace]]));
}
