"use client";

import { useActionState } from "react";
import { useDetailActions } from "./detail-actions";
import { COVERAGE_KINDS, INSURANCE_LIMITS, OTHER_PAYER } from "@/lib/validations/insurance-options";
import { FieldErrorText, FormOutcome, fieldErrorOf } from "./FormOutcome";
import { COVERAGE_KIND_LABELS } from "./insurance-labels";
import { onSubmitOnce } from "./use-panel-action";

export type CoverageFormValues = {
  kind: string;
  payerCode: string;
  payerOther: string;
  memberId: string;
  groupNumber: string;
  subscriberName: string;
  subscriberDob: string;
  policyHolder: "" | "YES" | "NO";
};

// One coverage (primary or secondary), entered in full by staff. Posts
// without JavaScript too; errors sit next to their field.
export function CoverageForm(props: {
  inquiryId: string;
  rank: "PRIMARY" | "SECONDARY";
  values: CoverageFormValues;
  payers: { code: string; label: string; active: boolean }[];
}) {
  const { saveCoverage } = useDetailActions();
  const [state, action, pending] = useActionState(saveCoverage, null);
  const prefix = `coverage-${props.rank.toLowerCase()}`;
  const title = props.rank === "PRIMARY" ? "Primary coverage" : "Secondary coverage";
  const text = (name: keyof CoverageFormValues, label: string, max: number, options: { type?: string; autoComplete?: string } = {}) => {
    const error = fieldErrorOf(state, name);
    const id = `${prefix}-${name}`;
    return (
      <div className={error ? "field field--error" : "field"}>
        <label htmlFor={id}>{label}</label>
        <FieldErrorText id={`${id}-error`} message={error} />
        <input
          id={id}
          name={name}
          type={options.type ?? "text"}
          maxLength={max}
          autoComplete="off"
          spellCheck={false}
          defaultValue={props.values[name]}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      </div>
    );
  };
  const kindError = fieldErrorOf(state, "kind");
  const payerError = fieldErrorOf(state, "payerCode");
  const holderError = fieldErrorOf(state, "policyHolder");
  const payers = props.payers.filter((payer) => payer.active || payer.code === props.values.payerCode);
  return (
    <form action={action} onSubmit={onSubmitOnce(pending)} aria-labelledby={`${prefix}-heading`} className="coverage-form">
      <h3 id={`${prefix}-heading`}>{title}</h3>
      <input type="hidden" name="inquiryId" value={props.inquiryId} />
      <input type="hidden" name="rank" value={props.rank} />
      <div className={kindError ? "field field--error" : "field"}>
        <label htmlFor={`${prefix}-kind`}>Kind of coverage</label>
        <FieldErrorText id={`${prefix}-kind-error`} message={kindError} />
        <select id={`${prefix}-kind`} name="kind" defaultValue={props.values.kind} aria-describedby={kindError ? `${prefix}-kind-error` : undefined}>
          <option value="">None recorded (removes this coverage)</option>
          {COVERAGE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {COVERAGE_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </div>
      <div className={payerError ? "field field--error" : "field"}>
        <label htmlFor={`${prefix}-payerCode`}>Payer</label>
        <FieldErrorText id={`${prefix}-payerCode-error`} message={payerError} />
        <select id={`${prefix}-payerCode`} name="payerCode" defaultValue={props.values.payerCode} aria-describedby={payerError ? `${prefix}-payerCode-error` : undefined}>
          <option value="">Not known</option>
          {payers.map((payer) => (
            <option key={payer.code} value={payer.code}>
              {payer.active ? payer.label : `${payer.label} (retired)`}
            </option>
          ))}
          <option value={OTHER_PAYER}>Other (write its name)</option>
        </select>
      </div>
      {text("payerOther", "Other payer's name", INSURANCE_LIMITS.payerOther)}
      {text("memberId", "Member ID", INSURANCE_LIMITS.memberId)}
      {text("groupNumber", "Group number", INSURANCE_LIMITS.groupNumber)}
      {text("subscriberName", "Subscriber's name", INSURANCE_LIMITS.subscriberName)}
      {text("subscriberDob", "Subscriber's date of birth", 10, { type: "date" })}
      <fieldset className={holderError ? "field field--error" : "field"}>
        <legend>Is the person the policy holder?</legend>
        <FieldErrorText id={`${prefix}-policyHolder-error`} message={holderError} />
        {(
          [
            ["", "Not known"],
            ["YES", "Yes"],
            ["NO", "No"],
          ] as const
        ).map(([value, label]) => (
          <div className="choice" key={value || "unknown"}>
            <input id={`${prefix}-policyHolder-${value || "unknown"}`} type="radio" name="policyHolder" value={value} defaultChecked={props.values.policyHolder === value} />
            <label htmlFor={`${prefix}-policyHolder-${value || "unknown"}`}>{label}</label>
          </div>
        ))}
      </fieldset>
      <button className="button-secondary" type="submit" aria-disabled={pending}>
        Save {title.toLowerCase()}
      </button>
      <FormOutcome state={state} />
    </form>
  );
}
