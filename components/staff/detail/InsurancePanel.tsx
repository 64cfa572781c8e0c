import type { InquiryInsurance } from "@/lib/insurance/read-inquiry-insurance";
import { CoverageForm, type CoverageFormValues } from "./CoverageForm";
import { formatClinicTime } from "./format-clinic-time";
import { VerificationForm } from "./VerificationForm";

// Insurance and the verification of benefits (issue 12): what the person gave
// on the form (the primary coverage) completed by staff, a secondary
// coverage, and the verification. Decrypted on the server for this audited
// view only; never put in a URL, an email or a log.
export function InsurancePanel(props: { inquiryId: string; insurance: InquiryInsurance; timeZone: string; readOnly: boolean }) {
  const { insurance } = props;
  const verification = insurance.verification;
  const stamp =
    verification?.verifiedAt ? `recorded by ${verification.verifiedByName ?? "a former staff member"}, ${formatClinicTime(verification.verifiedAt, props.timeZone)}` : null;
  return (
    <section aria-labelledby="insurance-heading" className="panel">
      <h2 id="insurance-heading">Insurance and benefits</h2>
      {props.readOnly ? (
        <p>{insurance.coverages.length === 0 ? "No insurance recorded." : "Insurance details were removed with the person's details."}</p>
      ) : (
        <>
          <VerificationForm
            inquiryId={props.inquiryId}
            status={verification?.status ?? "NOT_STARTED"}
            reference={verification?.reference ?? ""}
            notes={verification?.notes ?? ""}
            stamp={stamp}
          />
          {(["PRIMARY", "SECONDARY"] as const).map((rank) => (
            <CoverageForm key={rank} inquiryId={props.inquiryId} rank={rank} values={valuesOf(insurance, rank)} payers={insurance.payers} />
          ))}
        </>
      )}
    </section>
  );
}

function valuesOf(insurance: InquiryInsurance, rank: "PRIMARY" | "SECONDARY"): CoverageFormValues {
  const coverage = insurance.coverages.find((row) => row.rank === rank);
  return {
    kind: coverage?.kind ?? "",
    payerCode: coverage?.payerCode ?? (coverage?.payerOther ? "OTHER" : ""),
    payerOther: coverage?.payerOther ?? "",
    memberId: coverage?.memberId ?? "",
    groupNumber: coverage?.groupNumber ?? "",
    subscriberName: coverage?.subscriberName ?? "",
    subscriberDob: coverage?.subscriberDob ?? "",
    policyHolder: coverage?.policyHolder === true ? "YES" : coverage?.policyHolder === false ? "NO" : "",
  };
}
