import { TableScroll } from "@/components/staff/TableScroll";
import type { Metadata } from "next";
import { inviteStaffAction, revokeInvitationAction, staffUserAction } from "@/app/staff/(signed-in)/admin/users/actions";
import { AdminActionForm } from "@/components/staff/AdminActionForm";
import { InviteForm } from "@/components/staff/InviteForm";
import { ReauthenticationNotice } from "@/app/staff/(signed-in)/confirm/ReauthenticationNotice";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const admin = await requireStaffPage({ role: "admin" });
  const db = getDb();
  const [users, invitations] = await Promise.all([
    db.staffUser.findMany({
      orderBy: [{ banned: "asc" }, { name: "asc" }],
      select: { id: true, name: true, email: true, role: true, banned: true, twoFactorEnabled: true, createdAt: true },
    }),
    db.staffInvitation.findMany({
      where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, expiresAt: true },
    }),
  ]);

  return (
    <>
      <h1>Users</h1>
      <ReauthenticationNotice staff={admin} back="/staff/admin/users" what="Second-factor resets" />
      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">Invite a colleague</h2>
        <p>
          They get an email with a link that works once, for 72 hours, to set a password and connect an authenticator app. A disabled
          colleague&apos;s address can be invited again.
        </p>
        <InviteForm invite={inviteStaffAction} />
      </section>

      <section aria-labelledby="users-heading">
        <h2 id="users-heading">Staff accounts</h2>
        <TableScroll label="Staff accounts">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => {
                const self = user.id === admin.user.id;
                return (
                  <tr key={user.id}>
                    <td>{user.name}</td>
                    <td>{user.email}</td>
                    <td>{user.role === "admin" ? "Administrator" : "Coordinator"}</td>
                    <td>{user.banned ? "Disabled" : user.twoFactorEnabled ? "Active" : "Set-up not finished"}</td>
                    <td>
                      {self ? (
                        "You"
                      ) : (
                        <>
                          <AdminActionForm
                            action={staffUserAction}
                            hidden={{ userId: user.id, command: user.role === "admin" ? "make-coordinator" : "make-admin" }}
                            label={user.role === "admin" ? `Make ${user.name} a coordinator` : `Make ${user.name} an administrator`}
                          />
                          <AdminActionForm
                            action={staffUserAction}
                            hidden={{ userId: user.id, command: user.banned ? "enable" : "disable" }}
                            label={user.banned ? `Enable ${user.name}` : `Disable ${user.name}`}
                            danger={!user.banned}
                          />
                          {user.banned ? null : (
                            <AdminActionForm
                              action={staffUserAction}
                              hidden={{ userId: user.id, command: "reset-second-factor" }}
                              label={user.twoFactorEnabled ? `Reset ${user.name}'s second factor` : `Send ${user.name} a new set-up link`}
                              danger={user.twoFactorEnabled}
                            />
                          )}
                          {user.banned ? null : (
                            <AdminActionForm
                              action={staffUserAction}
                              hidden={{ userId: user.id, command: "send-password-reset" }}
                              label={`Send ${user.name} a password reset link`}
                            />
                          )}
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="invitations-heading">
        <h2 id="invitations-heading">Open invitations</h2>
        {invitations.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul>
            {invitations.map((invitation) => (
              <li key={invitation.id}>
                {invitation.email} ({invitation.role}), valid until {invitation.expiresAt.toUTCString()}
                <AdminActionForm action={revokeInvitationAction} hidden={{ invitationId: invitation.id }} label={`Withdraw invitation for ${invitation.email}`} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
