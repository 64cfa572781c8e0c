import type { Metadata } from "next";
import { signOutAction } from "@/app/staff/session/actions";
import { requireStaffPage } from "@/lib/auth/require-staff";

export const metadata: Metadata = { title: "My account" };

export default async function AccountPage() {
  const staff = await requireStaffPage();
  return (
    <>
      <h1>My account</h1>
      <dl>
        <dt>Name</dt>
        <dd>{staff.user.name}</dd>
        <dt>Email</dt>
        <dd>{staff.user.email}</dd>
        <dt>Role</dt>
        <dd>{staff.user.role === "admin" ? "Administrator" : "Intake coordinator"}</dd>
        <dt>Signed in since</dt>
        <dd>{staff.session.createdAt.toUTCString()}</dd>
      </dl>
      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Sign out everywhere</h2>
        <p>Ends every session of your account, on every computer and phone, including this one.</p>
        <form action={signOutAction}>
          <input type="hidden" name="everywhere" value="true" />
          <button className="button-secondary button-danger" type="submit">
            Sign out everywhere
          </button>
        </form>
      </section>
      <section aria-labelledby="factor-heading">
        <h2 id="factor-heading">Lost your phone?</h2>
        <p>Sign in with one of your recovery codes, then ask an administrator to reset your second factor so you can connect a new phone.</p>
      </section>
    </>
  );
}
