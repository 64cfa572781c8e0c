"use client";

import { useTranslations } from "next-intl";
import { localePath, type Locale } from "@/lib/i18n/locales";

export const LANGUAGE_SWITCH_EVENT = "iop:language-switch";

// Links to the same page in the other language. Just before leaving it tells
// the form (if any) to hand its answers over, so switching language mid-form
// does not lose them.
export function LanguageSwitch({ locale, path }: { locale: Locale; path: string }) {
  const t = useTranslations("chrome");
  const target: Locale = locale === "en" ? "es" : "en";
  return (
    <a
      href={localePath(target, path)}
      hrefLang={target}
      lang={target}
      aria-label={t("switchLanguageLabel")}
      onClick={() => window.dispatchEvent(new Event(LANGUAGE_SWITCH_EVENT))}
    >
      {t("switchLanguage")}
    </a>
  );
}
