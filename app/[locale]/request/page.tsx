import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { connection } from "next/server";
import { InquiryForm } from "@/components/inquiry-form/InquiryForm";
import { SiteHeader } from "@/components/site/SiteHeader";
import { loadClinicDetails } from "@/lib/clinic/load-clinic-details";
import { loadReferralSourceOptions } from "@/lib/inquiries/referral-source-options";
import { alternatesFor } from "@/lib/i18n/alternates";
import { listActivePayers } from "@/lib/insurance/list-active-payers";
import { isLocale, localePath, type Locale } from "@/lib/i18n/locales";
import { issueFormToken } from "@/lib/security/form-token";
import { appSecret } from "@/lib/security/secrets";
import { submitInquiryAction } from "./submit-inquiry-action";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { alternates: alternatesFor(isLocale(locale) ? locale : "en", "/request") };
}

// The inquiry form, and in its place the confirmation once sent (the URL does
// not change, so nothing about the request lands in the history).
export default async function RequestPage({ params }: Props) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  // Rendered per request: every form carries its own token (fill-time check
  // and idempotency), so this page must never be cached or prerendered.
  await connection();
  const [clinic, referralSources, payers] = await Promise.all([loadClinicDetails(locale), loadReferralSourceOptions(locale), listActivePayers()]);
  return (
    <>
      <SiteHeader locale={locale} path="/request" />
      <main id="main" className="page" tabIndex={-1}>
        <InquiryForm
          locale={locale}
          formToken={issueFormToken({ secret: appSecret() })}
          clinic={{ phone: clinic.phoneDisplay, phoneHref: clinic.phoneHref, hours: clinic.hours }}
          privacyHref={localePath(locale, "/privacy")}
          submit={submitInquiryAction}
          payers={payers}
          referralSources={referralSources}
        />
      </main>
    </>
  );
}
