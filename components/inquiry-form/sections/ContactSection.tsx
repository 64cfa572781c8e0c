"use client";

import { useTranslations } from "next-intl";
import { useFieldError } from "@/components/inquiry-form/field-errors-context";
import { ChoiceGroup, Checkbox, TextField } from "@/components/inquiry-form/inputs";
import { fieldIds } from "@/components/ui/field-ids";
import { FieldError } from "@/components/ui/FieldMessage";
import { BEST_TIMES, CONTACT_METHODS, LIMITS } from "@/lib/validations/inquiry-options";

// Discreet-contact choices start unticked: the most private option is the
// default, because a phone may be shared or a voicemail overheard.
// "Give us a phone number or an email address" belongs to both fields: it is
// shown once, above the pair, under the phone's error id (the error summary
// links to the phone field), and both fields are described by it.
export function ContactSection() {
  const t = useTranslations("form");
  const phoneError = useFieldError("phone");
  const emailError = useFieldError("email");
  const shared = phoneError !== undefined && phoneError === emailError;
  const sharedErrorId = fieldIds("phone").errorId;
  return (
    <>
      <p className="note">{t("contactNote")}</p>
      <div className={shared ? "field-pair field--error" : "field-pair"}>
        <FieldError name="phone" message={shared ? phoneError : undefined} />
        <TextField
          name="phone"
          type="tel"
          autoComplete="tel"
          maxLength={LIMITS.phone}
          label={t("phone.label")}
          hint={t("phone.hint")}
          errorShownAt={shared ? sharedErrorId : undefined}
        />
        <TextField
          name="email"
          type="email"
          autoComplete="email"
          maxLength={LIMITS.email}
          label={t("email.label")}
          errorShownAt={shared ? sharedErrorId : undefined}
        />
      </div>
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
