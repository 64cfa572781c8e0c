import { AUDIT_ACTIONS } from "@/lib/audit/audit-actions";
import { TableScroll } from "@/components/staff/TableScroll";
import type { Metadata } from "next";
import Link from "next/link";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { getDb } from "@/lib/db/client";
import { AuditFilterSchema } from "@/lib/validations/audit-filter";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  await requireStaffPage({ role: "admin" });
  const filter = AuditFilterSchema.parse(await searchParams);
  const [{ rows, nextBefore }, users] = await Promise.all([
    listAuditEvents(filter),
    getDb().staffUser.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const nameOf = new Map(users.map((user) => [user.id, user.name]));
  const query = (extra: Record<string, string>) =>
    new URLSearchParams(
      Object.entries({ ...filter, ...extra }).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""),
    ).toString();

  return (
    <>
      <h1>Audit log</h1>
      <p>Every sign-in, account change and view of an inquiry. Entries cannot be changed or deleted.</p>
      <form method="get" className="form-row" aria-label="Filter the audit log">
        <div className="field">
          <label htmlFor="actor">Who</label>
          <select id="actor" name="actor" defaultValue={filter.actor ?? ""}>
            <option value="">Anyone</option>
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="action">Action starts with</label>
          <input id="action" name="action" type="text" list="audit-actions" defaultValue={filter.action ?? ""} placeholder="staff.sign_in" />
          <datalist id="audit-actions">
            {[...AUDIT_ACTIONS].sort().map((action) => (
              <option key={action} value={action} />
            ))}
          </datalist>
        </div>
        <div className="field">
          <label htmlFor="record">Record id</label>
          <input id="record" name="record" type="text" defaultValue={filter.record ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="from">From</label>
          <input id="from" name="from" type="date" defaultValue={filter.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="to">To</label>
          <input id="to" name="to" type="date" defaultValue={filter.to ?? ""} />
        </div>
        <button className="button-primary button-inline" type="submit">
          Filter
        </button>
      </form>
      <TableScroll label="Audit log entries">
        <table>
          <caption className="note">Newest first, {rows.length} shown</caption>
          <thead>
            <tr>
              <th scope="col">Time (UTC)</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Record</th>
              <th scope="col">Address</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>{row.occurredAt.toISOString().replace("T", " ").slice(0, 19)}</td>
                <td>{row.actorId ? (nameOf.get(row.actorId) ?? row.actorId) : row.actorType.toLowerCase()}</td>
                <td>{row.action}</td>
                <td>{row.inquiryId ?? (row.subjectUserId ? `user ${nameOf.get(row.subjectUserId) ?? row.subjectUserId}` : "")}</td>
                <td>{row.ipAddress ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {nextBefore ? (
        <p>
          <Link href={`/staff/admin/audit?${query({ before: nextBefore })}`}>Older entries</Link>
        </p>
      ) : null}
    </>
  );
}
