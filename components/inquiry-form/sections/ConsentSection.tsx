"use client";

import { useTranslations } from "next-intl";
import { Checkbox } from "@/components/inquiry-form/inputs";
import { CONSENT_TEXT_VERSION } from "@/lib/validations/inquiry-options";

// The consent wording is versioned: the version shown is posted with the form
// and stored with each consent record. Change the text, change the version.
export function ConsentSection({ privacyHref }: { privacyHref: string }) {
  const t = useTranslations("form.consent");
  return (
    <>
      <input type="hidden" name="consentTextVersion" value={CONSENT_TEXT_VERSION} />
      <Checkbox
        name="consent"
        label={t("label")}
        hint={t.rich("hint", { version: CONSENT_TEXT_VERSION, privacy: (text) => <a href={privacyHref}>{text}</a> })}
      />
    </>
  );
}
