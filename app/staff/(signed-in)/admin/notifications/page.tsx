import { TableScroll } from "@/components/staff/TableScroll";
import type { Metadata } from "next";
import { retryNotificationAction } from "@/app/staff/(signed-in)/admin/notifications/actions";
import { AdminActionForm } from "@/components/staff/AdminActionForm";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { listFailedNotifications } from "@/lib/notifications/list-failed-notifications";

export const metadata: Metadata = { title: "Failed notifications" };

// Notifications the outbox gave up on after its retries. Reference codes and
// error categories only: nothing here opens a record, so no audit event for
// the view; each retry is audited.
export default async function FailedNotificationsPage() {
  await requireStaffPage({ role: "admin" });
  const failed = await listFailedNotifications();
  return (
    <>
      <h1>Failed notifications</h1>
      <p>
        Staff emails (new inquiries, escalations) and webhooks that could not be delivered after every retry. The inquiries themselves are
        safe in the inbox; only the message is missing. Fix the problem first (the mail server, or the receiver), then send them again.
      </p>
      {failed.length === 0 ? (
        <p>None. Every notification was delivered or is still being tried.</p>
      ) : (
        <>
          <AdminActionForm action={retryNotificationAction} hidden={{ notificationId: "all" }} label={`Send all ${failed.length} again`} />
          <TableScroll label="Failed notifications">
            <table>
              <caption className="note">Newest failure first</caption>
              <thead>
                <tr>
                  <th scope="col">Reference</th>
                  <th scope="col">Message</th>
                  <th scope="col">Urgent</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Gave up (UTC)</th>
                  <th scope="col">Problem</th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                {failed.map((row) => (
                  <tr key={row.id}>
                    <td className="reference-code">{row.referenceCode}</td>
                    <td>{row.channel}</td>
                    <td>{row.urgent ? "Urgent" : "No"}</td>
                    <td>{row.attempts}</td>
                    <td>{row.failedAt.toISOString().replace("T", " ").slice(0, 16)}</td>
                    <td>
                      {row.errorCategory}
                      {row.lastError ? <span className="note"> ({row.lastError})</span> : null}
                    </td>
                    <td>
                      <AdminActionForm action={retryNotificationAction} hidden={{ notificationId: row.id }} label={`Send ${row.referenceCode} again`} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </>
  );
}
