import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/app/staff/(signed-in)/admin/settings/ActionForm";
import { payerAction } from "@/app/staff/(signed-in)/admin/settings/payers/actions";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { getDb } from "@/lib/db/client";
import "../settings.css";

export const metadata: Metadata = { title: "Payers" };

// The insurers the public form and staff choose from (issue 12). Changes show
// on the form at once; retired payers stay on the records that name them.
export default async function PayersPage() {
  await requireStaffPage({ role: "admin" });
  const payers = await getDb().payer.findMany({ orderBy: [{ position: "asc" }, { label: "asc" }] });
  return (
    <>
      <p>
        <Link href="/staff/admin/settings">Back to settings</Link>
      </p>
      <h1>Payers</h1>
      <p>The insurance companies offered on the request form and to staff, in this order. The form always offers &ldquo;another company&rdquo; too.</p>
      <ul className="settings-list">
        {payers.map((payer, index) => (
          <li key={payer.code}>
            <ActionForm action={payerAction} submitLabel="Rename" label={`Rename ${payer.label}`}>
              <input type="hidden" name="command" value="rename" />
              <input type="hidden" name="code" value={payer.code} />
              <label className="visually-hidden" htmlFor={`payer-${payer.code}`}>{`New name for ${payer.label}`}</label>
              <input id={`payer-${payer.code}`} name="label" type="text" maxLength={100} defaultValue={payer.label} />
            </ActionForm>
            {index > 0 ? (
              <ActionForm action={payerAction} submitLabel={`Move “${payer.label}” up`} label={`Move ${payer.label} up`}>
                <input type="hidden" name="command" value="up" />
                <input type="hidden" name="code" value={payer.code} />
              </ActionForm>
            ) : null}
            {index < payers.length - 1 ? (
              <ActionForm action={payerAction} submitLabel={`Move “${payer.label}” down`} label={`Move ${payer.label} down`}>
                <input type="hidden" name="command" value="down" />
                <input type="hidden" name="code" value={payer.code} />
              </ActionForm>
            ) : null}
            <ActionForm
              action={payerAction}
              submitLabel={payer.active ? `Retire “${payer.label}”` : `Bring back “${payer.label}”`}
              label={payer.active ? `Retire ${payer.label}` : `Bring back ${payer.label}`}
              danger={payer.active}
            >
              <input type="hidden" name="command" value={payer.active ? "deactivate" : "activate"} />
              <input type="hidden" name="code" value={payer.code} />
              {payer.active ? null : <span className="note">Retired. </span>}
            </ActionForm>
          </li>
        ))}
        <li>
          <ActionForm action={payerAction} submitLabel="Add payer" label="Add a payer">
            <input type="hidden" name="command" value="add" />
            <label htmlFor="new-payer">New payer</label>
            <input id="new-payer" name="label" type="text" maxLength={100} />
          </ActionForm>
        </li>
      </ul>
    </>
  );
}
