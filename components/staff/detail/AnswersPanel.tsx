import { CHANNEL_LABELS } from "@/lib/triage/record/inquiry-channel-labels";
import type { InquiryRecord } from "@/lib/triage/record/read-inquiry-record";
import { LANGUAGE_LABELS, PERSON_AWARE_LABELS, REQUESTER_LABELS } from "./answer-labels";

// Everything else the person told us, and, when someone asked on another
// person's behalf, who referred them, with the rule that keeps the
// referrer from learning anything back.
export function AnswersPanel({ record, referralSourceLabel }: { record: InquiryRecord; referralSourceLabel: string | null }) {
  const { answers } = record;
  const referred = record.requesterType !== "SELF";
  return (
    <section aria-labelledby="answers-heading">
      <h2 id="answers-heading">What they told us</h2>
      <dl className="facts">
        <dt>Arrived by</dt>
        <dd>
          {CHANNEL_LABELS[record.channel]}
          {record.enteredBy ? `, entered by ${record.enteredBy.name}` : ""}
        </dd>
        {answers.referringOrganisation ? (
          <>
            <dt>Referring organisation</dt>
            <dd>{answers.referringOrganisation}</dd>
          </>
        ) : null}
        <dt>Asked</dt>
        <dd>{REQUESTER_LABELS[record.requesterType]}</dd>
        <dt>In crisis when asking</dt>
        <dd>{record.urgency === "URGENT" ? "Yes" : "No"}</dd>
        <dt>Message</dt>
        <dd className="free-text">{answers.message ?? "No message"}</dd>
        <dt>How they heard of us</dt>
        <dd>{referralSourceLabel ?? "Not answered"}</dd>
        <dt>Form language</dt>
        <dd>{LANGUAGE_LABELS[record.locale] ?? record.locale}</dd>
      </dl>
      {referred ? (
        <div className="referral" role="group" aria-labelledby="referral-heading">
          <h3 id="referral-heading">Referral</h3>
          <p className="referral-rule">
            <strong>Do not tell the referrer anything about this person.</strong> Under 42 CFR §2.13 the programme may not confirm to
            them that the person contacted us, was reached, is in treatment or was admitted, unless the person consents in writing.
          </p>
          <dl className="facts">
            <dt>Referrer</dt>
            <dd>{answers.referrerName ?? "Not given"}</dd>
            <dt>Relationship</dt>
            <dd>{answers.referrerRelationship ?? "Not given"}</dd>
            <dt>Does the person know?</dt>
            <dd>{answers.personAware ? (PERSON_AWARE_LABELS[answers.personAware] ?? answers.personAware) : "Not answered"}</dd>
          </dl>
        </div>
      ) : null}
    </section>
  );
}
