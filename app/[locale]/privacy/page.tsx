import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SiteHeader } from "@/components/site/SiteHeader";
import { loadClinicDetails } from "@/lib/clinic/load-clinic-details";
import { getEnv } from "@/lib/env";
import { alternatesFor } from "@/lib/i18n/alternates";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const safe: Locale = isLocale(locale) ? locale : "en";
  const t = await getTranslations({ locale: safe, namespace: "meta" });
  return { title: t("privacyTitle"), alternates: alternatesFor(safe, "/privacy") };
}

// The privacy notice the consent text links to; its version is the consent
// text version stored with every consent record.
export default async function PrivacyPage({ params }: Props) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "privacy" });
  const clinic = await loadClinicDetails(locale);
  const env = getEnv();
  const values = {
    clinicName: clinic.name,
    clinicPhone: clinic.phoneDisplay,
    clinicEmail: clinic.email,
    retentionDays: clinic.retentionDays,
    // What the code keeps (lib/triage/retention/purge-request-metadata.ts, lib/security/rate-limit.ts).
    requestMetadataHours: env.REQUEST_METADATA_RETENTION_HOURS,
    rateLimitMinutes: Math.ceil(env.RATE_LIMIT_IP_WINDOW_SECONDS / 60),
  };
  const sections = messagesFor(locale).privacy.sections;
  return (
    <>
      <SiteHeader locale={locale} path="/privacy" />
      <main id="main" className="page prose" tabIndex={-1}>
        <h1>{t("title")}</h1>
        <p className="hint">
          {t("updated")} · {t("version")}
        </p>
        <p>{t("intro", values)}</p>
        {sections.map((section, index) => (
          <section key={section.heading} aria-labelledby={`privacy-${index}`}>
            <h2 id={`privacy-${index}`}>{section.heading}</h2>
            {section.paragraphs.map((_, paragraph) => (
              <p key={paragraph}>{t(`sections.${index}.paragraphs.${paragraph}` as "intro", values)}</p>
            ))}
          </section>
        ))}
      </main>
    </>
  );
}
