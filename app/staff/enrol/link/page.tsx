import type { Metadata } from "next";
import { EnrolmentLinkForm } from "@/app/staff/enrol/link/EnrolmentLinkForm";

export const metadata: Metadata = { title: "Set up two-step sign-in" };

// Where a set-up link (after an admin reset, or from the create-admin
// command) lands: the password, then the enrolment page.
export default function EnrolmentLinkPage() {
  return (
    <main id="main" className="staff-narrow">
      <h1>Set up two-step sign-in</h1>
      <p>Confirm it is you with your staff password. Then you connect an authenticator app on your phone.</p>
      <noscript>
        <p className="alert alert--error">This page needs JavaScript to read the link.</p>
      </noscript>
      <EnrolmentLinkForm />
    </main>
  );
}
