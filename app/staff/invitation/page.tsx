import type { Metadata } from "next";
import { AcceptInvitationForm } from "@/app/staff/invitation/AcceptInvitationForm";

export const metadata: Metadata = { title: "Accept invitation" };

export default function InvitationPage() {
  return (
    <main id="main" className="staff-narrow">
      <h1>Create your staff account</h1>
      <noscript>
        <p className="alert alert--error">This page needs JavaScript to read the invitation in your link.</p>
      </noscript>
      <AcceptInvitationForm />
    </main>
  );
}
