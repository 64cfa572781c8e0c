"use client";

import { useActionState } from "react";
import { useDetailActions } from "./detail-actions";
import { EHR_DISCLOSURE_CONSENT_TEXT, EHR_REFERRER_CONSENT_TEXT } from "@/lib/fhir/ehr-disclosure-consent";
import { FieldErrorText, FormOutcome, fieldErrorOf } from "./FormOutcome";
import { onSubmitOnce, useFocusHeadingAfter } from "./use-panel-action";

// Hand-off to the treatment provider's EHR (FHIR R4). Two forms: staff record
// the person's consent (read to them, or confirmed in writing), and, once it
// is granted and the stage allows, download the record as a FHIR file. The
// download is a plain POST over this session: never a link, never email.
export function EhrHandoffPanel(props: {
  inquiryId: string;
  consented: boolean;
  canExport: boolean;
  canSend: boolean;
  exportBlockedBecause: string | null;
  hasReferrer: boolean;
}) {
  const actions = useDetailActions();
  const [state, action, pending] = useActionState(actions.recordEhrConsent, null);
  const headingRef = useFocusHeadingAfter([state]);
  const recipientError = fieldErrorOf(state, "recipient");
  const decisionError = fieldErrorOf(state, "decision");
  return (
    <section aria-labelledby="handoff-heading" className="panel">
      <h2 id="handoff-heading" ref={headingRef} tabIndex={-1}>
        Hand-off to the treatment provider&apos;s record system
      </h2>
      <p>{props.consented ? "The person agreed to disclose their record to the provider named in their consent." : "No consent to disclose is recorded."}</p>
      <form action={action} onSubmit={onSubmitOnce(pending)}>
        <input type="hidden" name="inquiryId" value={props.inquiryId} />
        <p className="note">Read this to the person, or confirm they agreed to it in writing: “{EHR_DISCLOSURE_CONSENT_TEXT}”</p>
        <div className={recipientError ? "field field--error" : "field"}>
          <label htmlFor="handoff-recipient">Treatment provider and record system</label>
          <FieldErrorText id="handoff-recipient-error" message={recipientError} />
          <input id="handoff-recipient" name="recipient" maxLength={200} required aria-invalid={Boolean(recipientError)} aria-describedby={recipientError ? "handoff-recipient-error" : undefined} />
        </div>
        {props.hasReferrer ? (
          <div className="choice">
            <input id="handoff-referrer" type="checkbox" name="includeReferrer" />
            <label htmlFor="handoff-referrer">They also agreed: “{EHR_REFERRER_CONSENT_TEXT}”</label>
          </div>
        ) : null}
        <fieldset className={decisionError ? "field field--error" : "field"}>
          <legend>The person</legend>
          <FieldErrorText id="handoff-decision-error" message={decisionError} />
          <div className="choice">
            <input id="handoff-grant" type="radio" name="decision" value="grant" />
            <label htmlFor="handoff-grant">agreed to the disclosure</label>
          </div>
          <div className="choice">
            <input id="handoff-withdraw" type="radio" name="decision" value="withdraw" />
            <label htmlFor="handoff-withdraw">refused, or withdrew their consent</label>
          </div>
        </fieldset>
        <button className="button-secondary" type="submit" aria-disabled={pending}>
          Record the person&apos;s decision
        </button>
      </form>
      <FormOutcome state={state} />
      {props.canExport ? (
        <form method="post" action="/api/staff/fhir-exports">
          <input type="hidden" name="inquiryId" value={props.inquiryId} />
          <button className="button-primary" type="submit">
            Download the FHIR record
          </button>
          {props.canSend ? (
            <button className="button-secondary" type="submit" name="destination" value="endpoint">
              Send it to the provider&apos;s FHIR server
            </button>
          ) : null}
        </form>
      ) : (
        <p className="note">{props.exportBlockedBecause}</p>
      )}
    </section>
  );
}
