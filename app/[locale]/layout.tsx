import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { connection } from "next/server";
import { ClinicContactProvider } from "@/components/site/ClinicContact";
import { clinicContent } from "@/lib/clinic/clinic-content";
import { loadClinicDetails } from "@/lib/clinic/load-clinic-details";
import { getEnv } from "@/lib/env";
import { isLocale } from "@/lib/i18n/locales";
import { clientMessagesFor } from "@/lib/i18n/messages";
import "../globals.css";

type Props = { children: React.ReactNode; params: Promise<{ locale: string }> };

// Titles are neutral everywhere (confidentiality rule 1): a browser tab or the
// history list must not tell an onlooker what this site is about.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "meta" });
  return {
    title: t("title"),
    metadataBase: new URL(getEnv().PUBLIC_URL),
    robots: clinicContent.indexPublicPages ? { index: true, follow: true } : { index: false, follow: false },
    icons: { apple: "/icons/apple-touch-icon.png" },
    referrer: "same-origin",
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  // Rendered per request: the clinic details an admin saves show at once.
  await connection();
  const [t, clinic] = await Promise.all([getTranslations({ locale, namespace: "chrome" }), loadClinicDetails(locale)]);
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {t("skipToContent")}
        </a>
        <NextIntlClientProvider locale={locale} messages={clientMessagesFor(locale)}>
          <ClinicContactProvider contact={{ phoneDisplay: clinic.phoneDisplay, phoneHref: clinic.phoneHref, hours: clinic.hours }}>{children}</ClinicContactProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
