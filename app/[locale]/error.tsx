"use client";

import { useLocale, useTranslations } from "next-intl";
import { useClinicContact } from "@/components/site/ClinicContact";
import { isLocale } from "@/lib/i18n/locales";

// What a person sees when a public page fails unexpectedly: no stack trace, no
// error text (it could echo an answer), just a calm way forward and the
// clinic's phone number (as the layout last read it, else the seed). The
// error itself was logged on the server.
export default function PublicError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("chrome");
  const current = useLocale();
  const clinic = useClinicContact(isLocale(current) ? current : "en");
  return (
    <main id="main" className="page">
      <h1>{t("errorTitle")}</h1>
      <p>{t("errorBody", { phone: clinic.phoneDisplay, hours: clinic.hours })}</p>
      <p>
        <a href={clinic.phoneHref}>{clinic.phoneDisplay}</a>
      </p>
      <button type="button" className="button-secondary" onClick={reset}>
        {t("tryAgain")}
      </button>
    </main>
  );
}
