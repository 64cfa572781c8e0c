"use client";

import { useTranslations } from "next-intl";
import { ChoiceGroup, Checkbox, TextField } from "@/components/inquiry-form/inputs";
import { BEST_TIMES, CONTACT_METHODS, LIMITS } from "@/lib/validations/inquiry-options";

// Discreet-contact choices start unticked: the most private option is the
// default, because a phone may be shared or a voicemail overheard.
export function ContactSection() {
  const t = useTranslations("form");
  return (
    <>
      <p className="note">{t("contactNote")}</p>
      <TextField name="phone" type="tel" autoComplete="tel" maxLength={LIMITS.phone} label={t("phone.label")} hint={t("phone.hint")} />
      <TextField name="email" type="email" autoComplete="email" maxLength={LIMITS.email} label={t("email.label")} />
      <ChoiceGroup
        name="preferredContactMethod"
        type="radio"
        label={t("preferredContactMethod.label")}
        options={CONTACT_METHODS.map((value) => ({ value, label: t(`preferredContactMethod.${value}`) }))}
      />
      <ChoiceGroup
        name="bestTimes"
        type="checkbox"
        label={t("bestTimes.label")}
        hint={t("bestTimes.hint")}
        options={BEST_TIMES.map((value) => ({ value, label: t(`bestTimes.${value}`) }))}
      />
      <fieldset className="field group">
        <legend>{t("privacyChoices.label")}</legend>
        <p className="hint">{t("privacyChoices.hint")}</p>
        <Checkbox name="okToLeaveVoicemail" label={t("okToLeaveVoicemail.label")} />
        <Checkbox name="okToText" label={t("okToText.label")} />
        <Checkbox name="okToNameProgramme" label={t("okToNameProgramme.label")} />
      </fieldset>
    </>
  );
}
