"use client";

import { useTranslations } from "next-intl";
import { ChoiceGroup, TextField } from "@/components/inquiry-form/inputs";
import { LIMITS, PERSON_AWARE_ANSWERS } from "@/lib/validations/inquiry-options";

// `requesterType` is undefined before hydration (no JavaScript): then every
// question shows, and the referral ones say they are only for referrals.
// 42 CFR Part 2 §2.13: a referrer must never learn from us whether the person
// contacted us or entered treatment, unless that person consents. Say so here.
export function PersonSection({ requesterType }: { requesterType: string | undefined }) {
  const t = useTranslations("form");
  const referral = requesterType === "LOVED_ONE" || requesterType === "PROFESSIONAL";
  const label = requesterType === undefined ? "labelUnknown" : referral ? "labelOther" : "labelSelf";
  return (
    <>
      <TextField
        name="firstName"
        autoComplete={referral ? "off" : "given-name"}
        maxLength={LIMITS.firstName}
        label={t(`firstName.${label}`)}
        hint={t("firstName.hint")}
      />
      {requesterType === undefined || referral ? (
        <fieldset className="field group">
          <legend>{requesterType === undefined ? t("referral.headingNoScript") : t("referral.heading")}</legend>
          <p className="note">{t("referral.note")}</p>
          <TextField name="referrerName" autoComplete="name" maxLength={LIMITS.referrerName} label={t("referrerName.label")} shouldUnregister />
          <TextField
            name="referrerRelationship"
            maxLength={LIMITS.referrerRelationship}
            label={t("referrerRelationship.label")}
            hint={t("referrerRelationship.hint")}
            shouldUnregister
          />
          <ChoiceGroup
            name="personAware"
            type="radio"
            label={t("personAware.label")}
            options={PERSON_AWARE_ANSWERS.map((value) => ({ value, label: t(`personAware.${value}`) }))}
            shouldUnregister
          />
        </fieldset>
      ) : null}
    </>
  );
}
