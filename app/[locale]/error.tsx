"use client";

import { useLocale, useTranslations } from "next-intl";
import clinic from "@/lib/clinic/clinic.json";

// What a person sees when a public page fails unexpectedly: no stack trace, no
// error text (it could echo an answer), just a calm way forward and the
// clinic's phone number. The error itself was logged on the server.
export default function PublicError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("chrome");
  const hours: Record<string, string> = clinic.hours;
  const localHours = hours[useLocale()] ?? clinic.hours.en;
  return (
    <main id="main" className="page">
      <h1>{t("errorTitle")}</h1>
      <p>{t("errorBody", { phone: clinic.phoneDisplay, hours: localHours })}</p>
      <p>
        <a href={`tel:${clinic.phone}`}>{clinic.phoneDisplay}</a>
      </p>
      <button type="button" className="button-secondary" onClick={reset}>
        {t("tryAgain")}
      </button>
    </main>
  );
}
