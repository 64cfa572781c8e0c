"use client";

import { useTranslations } from "next-intl";
import { ChoiceGroup, Checkbox } from "@/components/inquiry-form/inputs";
import { REQUESTER_TYPES } from "@/lib/validations/inquiry-options";

export function WhoSection() {
  const t = useTranslations("form");
  return (
    <>
      <ChoiceGroup
        name="requesterType"
        type="radio"
        label={t("requesterType.label")}
        options={REQUESTER_TYPES.map((value) => ({ value, label: t(`requesterType.${value}`) }))}
      />
      <Checkbox name="inCrisis" label={t("inCrisis.label")} hint={t("inCrisis.hint")} />
    </>
  );
}
