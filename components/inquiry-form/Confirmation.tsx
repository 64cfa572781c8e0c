"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { CrisisBlock } from "@/components/ui/CrisisBlock";

export type ClinicContact = { phone: string; phoneHref: string; hours: string };

// Neutral on purpose (confidentiality rule 5): it echoes nothing the person
// typed and says nothing a referrer could read as the person's status. It
// takes focus when it appears, so a screen reader announces it.
export function Confirmation(props: { referenceCode: string; urgent: boolean; clinic: ClinicContact }) {
  const t = useTranslations("confirmation");
  const heading = useRef<HTMLHeadingElement>(null);
  const { clinic } = props;
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="confirmation">
      {props.urgent ? <CrisisBlock emphasised /> : null}
      <h1 tabIndex={-1} ref={heading}>
        {t("heading")}
      </h1>
      <p>
        {t.rich("reference", {
          code: props.referenceCode,
          strong: (text) => <strong className="reference-code">{text}</strong>,
        })}
      </p>
      <h2>{t("nextHeading")}</h2>
      <p>{t.rich("next", { hours: clinic.hours, phone: clinic.phone, call: (text) => <a href={clinic.phoneHref}>{text}</a> })}</p>
      {props.urgent ? null : <CrisisBlock />}
    </div>
  );
}
