import { connection } from "next/server";
import { InquiryForm } from "@/components/inquiry-form/InquiryForm";
import { CrisisBlock } from "@/components/ui/CrisisBlock";
import { clinicDetails } from "@/lib/clinic/clinic-details";
import { issueFormToken } from "@/lib/security/form-token";
import { appSecret } from "@/lib/security/secrets";

export default async function HomePage() {
  // Rendered per request: every form carries its own token (fill-time check
  // and idempotency), so this page must never be cached or prerendered.
  await connection();
  const clinic = clinicDetails();
  return (
    <main className="page">
      <header className="page-header">
        <p className="clinic-name">{clinic.name}</p>
        <h1>Request a confidential call back</h1>
        <p>
          Tell us how to reach you and someone from our team will contact you, privately. Prefer to talk now? Call{" "}
          <a href={clinic.phoneHref}>{clinic.phone}</a> ({clinic.hours}).
        </p>
      </header>
      <CrisisBlock />
      <InquiryForm formToken={issueFormToken({ secret: appSecret() })} clinicPhone={clinic.phone} clinicPhoneHref={clinic.phoneHref} hours={clinic.hours} />
    </main>
  );
}
