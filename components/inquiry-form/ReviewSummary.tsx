"use client";

import { useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import type { StepId } from "@/components/inquiry-form/steps";
import type { InquiryInput } from "@/lib/validations/inquiry";
import { isLocale, localeEntry } from "@/lib/i18n/locales";
import type { ReferralSourceOption } from "@/lib/validations/inquiry-options";
import { OTHER_PAYER, type PayerOption } from "@/lib/validations/insurance-options";

type Row = { step: StepId; label: string; value: string };

// The review step: every answer once more, each with a way back to change it.
export function ReviewSummary({
  onChange,
  payers = [],
  referralSources,
}: {
  onChange: (step: StepId) => void;
  payers?: readonly PayerOption[];
  referralSources: readonly ReferralSourceOption[];
}) {
  const t = useTranslations("form");
  const v = useWatch<InquiryInput>() as Partial<InquiryInput>;
  const referral = v.requesterType === "LOVED_ONE" || v.requesterType === "PROFESSIONAL";
  const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value : t("notAnswered"));
  const yesNo = (value: unknown) => (value === true ? t("yes") : t("no"));
  const rows: Row[] = [
    { step: "who", label: t("requesterType.label"), value: v.requesterType ? t(`requesterType.${v.requesterType}`) : t("notAnswered") },
    ...(v.inCrisis ? [{ step: "who" as const, label: t("inCrisis.review"), value: t("yes") }] : []),
    { step: "person", label: t(referral ? "firstName.labelOther" : "firstName.labelSelf"), value: text(v.firstName) },
    ...(referral
      ? [
          { step: "person" as const, label: t("referrerName.label"), value: text(v.referrerName) },
          { step: "person" as const, label: t("referrerRelationship.label"), value: text(v.referrerRelationship) },
          { step: "person" as const, label: t("personAware.label"), value: v.personAware ? t(`personAware.${v.personAware}`) : t("notAnswered") },
        ]
      : []),
    { step: "contact", label: t("phone.label"), value: text(v.phone) },
    { step: "contact", label: t("email.label"), value: text(v.email) },
    {
      step: "contact",
      label: t("preferredContactMethod.label"),
      value: v.preferredContactMethod ? t(`preferredContactMethod.${v.preferredContactMethod}`) : t("notAnswered"),
    },
    {
      step: "contact",
      label: t("bestTimes.label"),
      value: v.bestTimes && v.bestTimes.length > 0 ? v.bestTimes.map((time) => t(`bestTimes.${time}`)).join(", ") : t("bestTimes.any"),
    },
    { step: "contact", label: t("okToLeaveVoicemail.label"), value: yesNo(v.okToLeaveVoicemail) },
    { step: "contact", label: t("okToText.label"), value: yesNo(v.okToText) },
    { step: "contact", label: t("okToNameProgramme.label"), value: yesNo(v.okToNameProgramme) },
    { step: "more", label: t("preferredLanguage.label"), value: v.preferredLanguage && isLocale(v.preferredLanguage) ? localeEntry(v.preferredLanguage).nativeName : t("notAnswered") },
    { step: "more", label: t("heardAbout.label"), value: v.heardAbout ? (referralSources.find((source) => source.code === v.heardAbout)?.label ?? v.heardAbout) : t("heardAbout.none") },
    { step: "more", label: t("message.label"), value: text(v.message) },
    ...insuranceRows(),
  ];

  // Only what will be kept: nothing beyond the kind for "no insurance".
  function insuranceRows(): Row[] {
    const details = Boolean(v.insurancePayer || (typeof v.insuranceMemberId === "string" && v.insuranceMemberId.trim()) || v.insurancePolicyHolder);
    // Details without a kind are kept as "not sure" (see lib/validations/inquiry.ts).
    const kind = v.insuranceKind ?? (details ? "UNSURE" : undefined);
    const rows: Row[] = [{ step: "insurance", label: t("insuranceKind.label"), value: kind ? t(`insuranceKind.${kind}`) : t("notAnswered") }];
    if (!kind || kind === "NONE") return rows;
    const payer =
      v.insurancePayer === OTHER_PAYER
        ? text(v.insurancePayerOther)
        : (payers.find((option) => option.code === v.insurancePayer)?.label ?? t("notAnswered"));
    return [
      ...rows,
      { step: "insurance", label: t("insurancePayer.label"), value: payer },
      { step: "insurance", label: t("insuranceMemberId.label"), value: text(v.insuranceMemberId) },
      {
        step: "insurance",
        label: t("insurancePolicyHolder.label"),
        value: v.insurancePolicyHolder ? t(`insurancePolicyHolder.${v.insurancePolicyHolder}`) : t("notAnswered"),
      },
    ];
  }
  return (
    <>
      <p>{t("reviewIntro")}</p>
      <dl className="review">
        {rows.map((row) => (
          <div className="review-row" key={row.label}>
            <dt>{row.label}</dt>
            <dd>
              <span className="review-value">{row.value}</span>
              <button type="button" className="link-button" onClick={() => onChange(row.step)}>
                {t("change")}
                <span className="visually-hidden">: {row.label}</span>
              </button>
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}
