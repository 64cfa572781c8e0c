import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/site/LanguageSwitch";
import { QuickExit } from "@/components/site/QuickExit";
import { loadClinicDetails } from "@/lib/clinic/load-clinic-details";
import { LOCALE_LIST, localePath, type Locale } from "@/lib/i18n/locales";

// `path` is the page's unprefixed path ("/request"), for the language switch.
// The quick exit sits beside the header rather than in it: on small screens
// its wrapper steps aside (display: contents), so the exit can stick to the
// top of the screen for the whole page instead of scrolling away with the
// header (see globals.css).
export async function SiteHeader({ locale, path }: { locale: Locale; path: string }) {
  const [t, clinic] = await Promise.all([getTranslations({ locale, namespace: "chrome" }), loadClinicDetails(locale)]);
  return (
    <div className="site-top">
      <header className="site-header">
        <a className="site-name" href={localePath(locale, "/")}>
          {clinic.name}
        </a>
        <nav className="site-tools" aria-label={t("toolsLabel")}>
          <LanguageSwitch
            links={LOCALE_LIST.filter((entry) => entry.code !== locale).map((entry) => ({
              locale: entry.code,
              href: localePath(entry.code, path),
              nativeName: entry.nativeName,
              switchLabel: entry.switchLabel,
            }))}
          />
        </nav>
      </header>
      <QuickExit />
    </div>
  );
}
