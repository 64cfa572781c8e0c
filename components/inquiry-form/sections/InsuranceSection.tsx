"use client";

import { useTranslations } from "next-intl";
import { useFormContext, useWatch } from "react-hook-form";
import { useFieldError } from "@/components/inquiry-form/field-errors-context";
import { ChoiceGroup, TextField } from "@/components/inquiry-form/inputs";
import { describedBy, fieldIds } from "@/components/ui/field-ids";
import { FieldError, FieldHint } from "@/components/ui/FieldMessage";
import { COVERAGE_KINDS, INSURANCE_LIMITS, OTHER_PAYER, POLICY_HOLDER_ANSWERS, type PayerOption } from "@/lib/validations/insurance-options";

// The optional insurance step (issue 12). `guided` is false before hydration
// (no JavaScript): then every question shows; with JavaScript the details
// hide for "no insurance", and the step can be skipped as a whole.
export function InsuranceSection(props: { payers: readonly PayerOption[]; guided: boolean; onSkip: () => void }) {
  const t = useTranslations("form");
  const { register, formState } = useFormContext();
  const kind = useWatch({ name: "insuranceKind" }) as string | null | undefined;
  const payerError = useFieldError("insurancePayer");
  const ids = fieldIds("insurancePayer");
  const showDetails = !props.guided || kind !== "NONE";
  return (
    <>
      <p className="note">{t("insurance.intro")}</p>
      <ChoiceGroup
        name="insuranceKind"
        type="radio"
        label={t("insuranceKind.label")}
        options={COVERAGE_KINDS.map((value) => ({ value, label: t(`insuranceKind.${value}`) }))}
      />
      {showDetails ? (
        <>
          <div className={payerError ? "field field--error" : "field"}>
            <label htmlFor={ids.id}>{t("insurancePayer.label")}</label>
            <FieldHint name="insurancePayer">{t("insurancePayer.hint")}</FieldHint>
            <FieldError name="insurancePayer" message={payerError} />
            <select
              id={ids.id}
              defaultValue={String(formState.defaultValues?.insurancePayer ?? "")}
              aria-describedby={describedBy("insurancePayer", { hint: true, error: Boolean(payerError) })}
              {...register("insurancePayer", { setValueAs: (v: string) => (v === "" ? undefined : v) })}
            >
              <option value="">{t("insurancePayer.none")}</option>
              {props.payers.map((payer) => (
                <option key={payer.code} value={payer.code}>
                  {payer.label}
                </option>
              ))}
              <option value={OTHER_PAYER}>{t("insurancePayer.other")}</option>
            </select>
          </div>
          <TextField name="insurancePayerOther" maxLength={INSURANCE_LIMITS.payerOther} label={t("insurancePayerOther.label")} />
          <TextField name="insuranceMemberId" maxLength={INSURANCE_LIMITS.memberId} label={t("insuranceMemberId.label")} hint={t("insuranceMemberId.hint")} />
          <ChoiceGroup
            name="insurancePolicyHolder"
            type="radio"
            label={t("insurancePolicyHolder.label")}
            options={POLICY_HOLDER_ANSWERS.map((value) => ({ value, label: t(`insurancePolicyHolder.${value}`) }))}
          />
        </>
      ) : null}
      {props.guided ? (
        <p>
          <button type="button" className="button-secondary" onClick={props.onSkip}>
            {t("insurance.skip")}
          </button>
        </p>
      ) : null}
    </>
  );
}
