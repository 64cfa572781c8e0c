import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SiteHeader } from "@/components/site/SiteHeader";
import { CrisisBlock } from "@/components/ui/CrisisBlock";
import { loadClinicDetails } from "@/lib/clinic/load-clinic-details";
import { alternatesFor } from "@/lib/i18n/alternates";
import { isLocale, localePath, type Locale } from "@/lib/i18n/locales";

type Props = { params: Promise<{ locale: string }> };

const POINTS = ["peers", "skills", "accountability", "relationships"] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { alternates: alternatesFor(isLocale(locale) ? locale : "en", "/") };
}

// The landing page: server-rendered, no client JavaScript of its own beyond
// the header's quick exit, so it is fast on a cheap phone on a slow network.
export default async function LandingPage({ params }: Props) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "landing" });
  const clinic = await loadClinicDetails(locale);
  const requestPath = localePath(locale, "/request");
  return (
    <>
      <SiteHeader locale={locale} path="/" />
      <main id="main" className="page" tabIndex={-1}>
        <section className="hero" aria-labelledby="hero-title">
          <h1 id="hero-title">{t("heading")}</h1>
          <p className="lead">{t("lead")}</p>
          <p>
            <a className="button-primary" href={requestPath}>
              {t("cta")}
            </a>
          </p>
          <p>{t.rich("callNow", { phone: clinic.phoneDisplay, hours: clinic.hours, call: (text) => <a href={clinic.phoneHref}>{text}</a> })}</p>
        </section>
        <CrisisBlock />
        <section aria-labelledby="programme-title">
          <h2 id="programme-title">{clinic.programmeName}</h2>
          {clinic.programmeSummary.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </section>
        <section aria-labelledby="group-title">
          <h2 id="group-title">{t("groupHeading")}</h2>
          <p>{t("groupIntro")}</p>
          <ul className="points">
            {POINTS.map((point) => (
              <li key={point}>
                <strong>{t(`points.${point}.title`)}.</strong> {t(`points.${point}.text`)}
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="someone-else-title">
          <h2 id="someone-else-title">{t("forSomeoneElseHeading")}</h2>
          <p>{t("forSomeoneElse")}</p>
          <p>
            <a className="button-secondary" href={requestPath}>
              {t("cta")}
            </a>
          </p>
        </section>
      </main>
    </>
  );
}
