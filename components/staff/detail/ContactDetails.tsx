import type { InquiryRecord } from "@/lib/triage/record/read-inquiry-record";
import { BEST_TIME_LABELS, CONTACT_METHOD_LABELS, LANGUAGE_LABELS } from "./answer-labels";

// Who to ask for and how to reach them. Always rendered after the
// discreet-contact panel.
export function ContactDetails({ record }: { record: InquiryRecord }) {
  const { answers } = record;
  const bestTimes = record.bestTimes.map((time) => BEST_TIME_LABELS[time] ?? time).join(", ");
  return (
    <section aria-labelledby="contact-heading">
      <h2 id="contact-heading">Contact details</h2>
      <dl className="facts">
        <dt>First name</dt>
        <dd>{answers.firstName ?? "Removed"}</dd>
        <dt>Phone</dt>
        <dd className="contact-value">{answers.phone ?? "Not given"}</dd>
        <dt>Email</dt>
        <dd className="contact-value">{answers.email ?? "Not given"}</dd>
        <dt>Prefers</dt>
        <dd>{CONTACT_METHOD_LABELS[record.preferredContactMethod]}</dd>
        <dt>Best times</dt>
        <dd>{bestTimes || "Any time"}</dd>
        <dt>Language</dt>
        <dd>{LANGUAGE_LABELS[record.preferredLanguage] ?? record.preferredLanguage}</dd>
      </dl>
    </section>
  );
}
