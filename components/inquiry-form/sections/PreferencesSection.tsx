"use client";

import { useTranslations } from "next-intl";
import { useFormContext } from "react-hook-form";
import { useFieldError } from "@/components/inquiry-form/field-errors-context";
import { ChoiceGroup, TextField } from "@/components/inquiry-form/inputs";
import { describedBy, fieldIds } from "@/components/ui/field-ids";
import { FieldError } from "@/components/ui/FieldMessage";
import { LOCALE_LIST } from "@/lib/i18n/locales";
import { LIMITS, type ReferralSourceOption } from "@/lib/validations/inquiry-options";

export function PreferencesSection({ referralSources }: { referralSources: readonly ReferralSourceOption[] }) {
  const t = useTranslations("form");
  const { register, formState } = useFormContext();
  const heardAboutError = useFieldError("heardAbout");
  const ids = fieldIds("heardAbout");
  return (
    <>
      <ChoiceGroup
        name="preferredLanguage"
        type="radio"
        label={t("preferredLanguage.label")}
        options={LOCALE_LIST.map((entry) => ({ value: entry.code, label: <span lang={entry.code}>{entry.nativeName}</span> }))}
      />
      <div className={heardAboutError ? "field field--error" : "field"}>
        <label htmlFor={ids.id}>{t("heardAbout.label")}</label>
        <FieldError name="heardAbout" message={heardAboutError} />
        <select
          id={ids.id}
          defaultValue={String(formState.defaultValues?.heardAbout ?? "")}
          aria-describedby={describedBy("heardAbout", { error: Boolean(heardAboutError) })}
          {...register("heardAbout", { setValueAs: (v: string) => (v === "" ? undefined : v) })}
        >
          <option value="">{t("heardAbout.none")}</option>
          {referralSources.map((source) => (
            <option key={source.code} value={source.code}>
              {source.label}
            </option>
          ))}
        </select>
      </div>
      <TextField name="message" multiline maxLength={LIMITS.message} label={t("message.label")} hint={t("message.hint")} />
    </>
  );
}
