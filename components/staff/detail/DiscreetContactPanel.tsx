import { TableScroll } from "@/components/staff/TableScroll";
import type { RequesterType } from "@/lib/db/generated/enums";
import type { InquiryConsents } from "@/lib/triage/record/read-current-consents";
import { CONSENT_LABELS, CONSENT_ORDER, PERSON_AWARE_LABELS } from "./answer-labels";
import { formatClinicTime } from "./format-clinic-time";

type Flag = { key: string; text: string; caution: boolean };

function flagsFor(consents: InquiryConsents, requesterType: RequesterType, personAware: string | null): Flag[] {
  const granted = (subject: Parameters<InquiryConsents["current"]["get"]>[0]) => consents.current.get(subject)?.granted === true;
  const flags: Flag[] = [
    granted("VOICEMAIL")
      ? { key: "voicemail", text: "Voicemail allowed: generic message only (no programme name, no reason for the call)", caution: false }
      : { key: "voicemail", text: "No voicemail", caution: true },
    granted("NAME_PROGRAMME")
      ? { key: "programme", text: "May name the programme", caution: false }
      : { key: "programme", text: "Do not name the programme", caution: true },
    granted("TEXT") ? { key: "text", text: "Texts allowed", caution: false } : { key: "text", text: "No text messages", caution: true },
  ];
  if (requesterType !== "SELF" && personAware !== "YES") {
    flags.unshift({
      key: "aware",
      text: `Asked on someone else's behalf. ${PERSON_AWARE_LABELS[personAware ?? "NOT_SURE"] ?? "Not sure whether the person knows"}: do not mention the request to anyone who answers.`,
      caution: true,
    });
  }
  return flags;
}

// Shown first on the page, before any phone number or email address: how the
// person may and may not be contacted, straight from their consent records
// (newest per channel, with the wording version they saw and when).
export function DiscreetContactPanel(props: {
  consents: InquiryConsents;
  requesterType: RequesterType;
  personAware: string | null;
  timeZone: string;
}) {
  const flags = flagsFor(props.consents, props.requesterType, props.personAware);
  const earlier = props.consents.history.length > props.consents.current.size;
  return (
    <section className="discreet" aria-labelledby="discreet-heading">
      <h2 id="discreet-heading">Before you contact anyone</h2>
      <ul className="discreet-flags">
        {flags.map((flag) => (
          <li key={flag.key} className={flag.caution ? "discreet-flag discreet-flag--caution" : "discreet-flag"}>
            {flag.caution ? <span className="visually-hidden">Caution: </span> : null}
            {flag.text}
          </li>
        ))}
      </ul>
      <TableScroll label="Consent per channel">
      <table className="consent-table">
        <caption>Consent per channel</caption>
        <thead>
          <tr>
            <th scope="col">Channel</th>
            <th scope="col">Agreed</th>
            <th scope="col">Wording version</th>
            <th scope="col">Recorded</th>
          </tr>
        </thead>
        <tbody>
          {CONSENT_ORDER.map((subject) => {
            const entry = props.consents.current.get(subject);
            return (
              <tr key={subject}>
                <th scope="row">{CONSENT_LABELS[subject]}</th>
                <td>{entry ? (entry.granted ? "Yes" : "No") : "Not asked"}</td>
                <td>{entry?.consentTextVersion ?? ""}</td>
                <td>{entry ? formatClinicTime(entry.recordedAt, props.timeZone) : ""}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      </TableScroll>
      {earlier ? (
        <details>
          <summary>Every consent record, oldest first</summary>
          <ul>
            {props.consents.history.map((entry, index) => (
              <li key={`${entry.subject}-${index}`}>
                {CONSENT_LABELS[entry.subject]}: {entry.granted ? "yes" : "no"} ({entry.consentTextVersion}), {formatClinicTime(entry.recordedAt, props.timeZone)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
