import type { Metadata } from "next";
import { LOCALES, localePath, type Locale } from "@/lib/i18n/locales";

// hreflang links between the language versions of a page, and its canonical URL.
export function alternatesFor(locale: Locale, path: string): Metadata["alternates"] {
  return {
    canonical: localePath(locale, path),
    languages: { ...Object.fromEntries(LOCALES.map((l) => [l, localePath(l, path)])), "x-default": path },
  };
}
