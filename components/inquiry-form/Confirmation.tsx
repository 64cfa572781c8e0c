import { CrisisBlock } from "@/components/ui/CrisisBlock";

// Neutral on purpose (confidentiality rule 5): it echoes nothing the person
// typed and says nothing a referrer could read as the person's status.
export function Confirmation(props: { referenceCode: string; urgent: boolean; clinicPhone: string; clinicPhoneHref: string; hours: string }) {
  return (
    <div className="confirmation" role="status" aria-live="polite">
      {props.urgent ? <CrisisBlock emphasised /> : null}
      <h2 tabIndex={-1} autoFocus>
        We received your request
      </h2>
      <p>
        Your reference code is <strong className="reference-code">{props.referenceCode}</strong>. You do not need to
        keep it, but it helps if you call us.
      </p>
      <h3>What happens next</h3>
      <p>
        Someone from our intake team will contact you in the way you chose, during our opening hours ({props.hours}).
        If you would rather talk now, call us at <a href={props.clinicPhoneHref}>{props.clinicPhone}</a>.
      </p>
      {props.urgent ? null : <CrisisBlock />}
    </div>
  );
}
