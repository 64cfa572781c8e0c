// The one list of languages the public pages exist in. Everything else (the
// language switch, routing, hreflang alternates, the form's "preferred
// language" answers, clinic content keyed by language, the staff area's
// language names) derives from it. Adding a language is a messages file, a
// privacy-notice file and one entry here, plus naming the two files in
// lib/i18n/messages.ts (the compiler insists): see docs/adding-a-language.md.
// No message catalogue is imported here, so client components may use this
// list without carrying every language's wording.
// English (the first entry) is served without a prefix ("/", "/privacy");
// every other language under its code ("/es", "/es/privacy").
type Entry = {
  code: string;
  // The language's name in English, for the staff area.
  englishName: string;
  // Its name in itself, for the language switch.
  nativeName: string;
  // "View this page in …", written in the language itself.
  switchLabel: string;
};

export const LOCALE_LIST = [
  { code: "en", englishName: "English", nativeName: "English", switchLabel: "View this page in English" },
  { code: "es", englishName: "Spanish", nativeName: "Español", switchLabel: "Ver esta página en español" },
] as const satisfies readonly Entry[];

export type Locale = (typeof LOCALE_LIST)[number]["code"];
export const LOCALES = LOCALE_LIST.map((entry) => entry.code) as [Locale, ...Locale[]];
export const DEFAULT_LOCALE: Locale = LOCALE_LIST[0].code;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function localeEntry(locale: Locale): (typeof LOCALE_LIST)[number] {
  return LOCALE_LIST.find((entry) => entry.code === locale) ?? LOCALE_LIST[0];
}

// The language's English name ("Spanish"), or the code itself for a language
// no longer listed (old inquiries keep theirs).
export function languageName(code: string): string {
  return LOCALE_LIST.find((entry) => entry.code === code)?.englishName ?? code;
}

// The public URL of `path` ("/", "/privacy") in `locale`.
export function localePath(locale: Locale, path: string): string {
  if (locale === DEFAULT_LOCALE) return path;
  return path === "/" ? `/${locale}` : `/${locale}${path}`;
}
