import type { Metadata } from "next";
import { TableScroll } from "@/components/staff/TableScroll";
import { ChangePasswordForm } from "@/app/staff/(signed-in)/account/ChangePasswordForm";
import { RecoveryCodesForm } from "@/app/staff/(signed-in)/account/RecoveryCodesForm";
import { signOutAction } from "@/app/staff/session/actions";
import { listOwnSignIns } from "@/lib/auth/account/list-own-sign-ins";
import { requireStaffPage } from "@/lib/auth/require-staff";

export const metadata: Metadata = { title: "My account" };

export default async function AccountPage() {
  const staff = await requireStaffPage();
  const signIns = await listOwnSignIns({ userId: staff.user.id });
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
      <section aria-labelledby="password-heading">
        <h2 id="password-heading">Change your password</h2>
        <p>You need your current password and a code from your authenticator app. Your other sessions end.</p>
        <ChangePasswordForm />
      </section>
      <section aria-labelledby="codes-heading">
        <h2 id="codes-heading">Recovery codes</h2>
        <p>Used some, or lost the list? Make ten new ones; the old ones stop working.</p>
        <RecoveryCodesForm />
      </section>
      <section aria-labelledby="sign-ins-heading">
        <h2 id="sign-ins-heading">Recent sign-ins</h2>
        <p>Your last sign-ins and refused attempts on your account. Anything you do not recognise? Change your password and tell an administrator.</p>
        {signIns.length === 0 ? (
          <p>None yet.</p>
        ) : (
          <TableScroll label="Recent sign-ins">
            <table>
              <thead>
                <tr>
                  <th scope="col">When (UTC)</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Address</th>
                  <th scope="col">Browser</th>
                </tr>
              </thead>
              <tbody>
                {signIns.map((signIn, index) => (
                  <tr key={`${signIn.at.getTime()}-${index}`}>
                    <td>{signIn.at.toISOString().replace("T", " ").slice(0, 19)}</td>
                    <td>{signIn.outcome === "signed in" ? "Signed in" : "Refused"}</td>
                    <td>{signIn.ipAddress ?? "—"}</td>
                    <td>{signIn.userAgent ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      <section aria-labelledby="factor-heading">
        <h2 id="factor-heading">Lost your phone?</h2>
        <p>Sign in with one of your recovery codes, then ask an administrator to reset your second factor so you can connect a new phone.</p>
      </section>
    </>
  );
}
