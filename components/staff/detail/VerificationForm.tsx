"use client";

import { useActionState } from "react";
import { useDetailActions } from "./detail-actions";
import { INSURANCE_LIMITS, VERIFICATION_STATUSES, type VerificationStatus } from "@/lib/validations/insurance-options";
import { FieldErrorText, FormOutcome, fieldErrorOf } from "./FormOutcome";
import { VERIFICATION_STATUS_LABELS } from "./insurance-labels";
import { onSubmitOnce, useFocusHeadingAfter } from "./use-panel-action";

// The verification of benefits: status, the payer's reference number and
// notes. Who verified and when are stamped by the server.
export function VerificationForm(props: {
  inquiryId: string;
  status: VerificationStatus;
  reference: string;
  notes: string;
  stamp: string | null;
}) {
  const { recordVerification } = useDetailActions();
  const [state, action, pending] = useActionState(recordVerification, null);
  const headingRef = useFocusHeadingAfter([state]);
  const statusError = fieldErrorOf(state, "status");
  const referenceError = fieldErrorOf(state, "reference");
  const notesError = fieldErrorOf(state, "notes");
  return (
    <form action={action} onSubmit={onSubmitOnce(pending)} aria-labelledby="verification-heading">
      <h3 id="verification-heading" ref={headingRef} tabIndex={-1}>
        Verification of benefits
      </h3>
      <p>
        Status: <strong>{VERIFICATION_STATUS_LABELS[props.status]}</strong>
        {props.stamp ? ` (${props.stamp})` : null}
      </p>
      <input type="hidden" name="inquiryId" value={props.inquiryId} />
      <div className={statusError ? "field field--error" : "field"}>
        <label htmlFor="verification-status">Verification status</label>
        <FieldErrorText id="verification-status-error" message={statusError} />
        <select id="verification-status" name="status" defaultValue={props.status} aria-describedby={statusError ? "verification-status-error" : undefined}>
          {VERIFICATION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {VERIFICATION_STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </div>
      <div className={referenceError ? "field field--error" : "field"}>
        <label htmlFor="verification-reference">Reference number (from the payer)</label>
        <FieldErrorText id="verification-reference-error" message={referenceError} />
        <input
          id="verification-reference"
          name="reference"
          maxLength={INSURANCE_LIMITS.reference}
          autoComplete="off"
          spellCheck={false}
          defaultValue={props.reference}
          aria-invalid={referenceError ? true : undefined}
          aria-describedby={referenceError ? "verification-reference-error" : undefined}
        />
      </div>
      <div className={notesError ? "field field--error" : "field"}>
        <label htmlFor="verification-notes">Notes (deductible, visits allowed, authorisation contact…)</label>
        <FieldErrorText id="verification-notes-error" message={notesError} />
        <textarea
          id="verification-notes"
          name="notes"
          rows={4}
          maxLength={INSURANCE_LIMITS.notes}
          defaultValue={props.notes}
          aria-invalid={notesError ? true : undefined}
          aria-describedby={notesError ? "verification-notes-error" : undefined}
        />
      </div>
      <button className="button-primary" type="submit" aria-disabled={pending}>
        Save verification
      </button>
      <FormOutcome state={state} />
    </form>
  );
}
