import Link from "next/link";

// Rendered with status 403 when a signed-in account lacks the role a page
// needs (forbidden() in lib/auth/require-staff.ts).
export default function StaffForbidden() {
  return (
    <main id="main" className="staff-narrow">
      <h1>Not available to your role</h1>
      <p>This page is for administrators. The attempt has been recorded.</p>
      <p>
        <Link href="/staff">Back to the staff area</Link>
      </p>
    </main>
  );
}
