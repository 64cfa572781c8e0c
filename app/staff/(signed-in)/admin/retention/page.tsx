import type { Metadata } from "next";
import Link from "next/link";
import { deletionAction, legalHoldAction } from "@/app/staff/(signed-in)/admin/retention/actions";
import { ActionForm } from "@/app/staff/(signed-in)/admin/settings/ActionForm";
import { ReauthenticationNotice } from "@/app/staff/(signed-in)/confirm/ReauthenticationNotice";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { getDb } from "@/lib/db/client";
import { getTriageSettings } from "@/lib/triage/settings/triage-settings";
import { DELETION_CATEGORIES, LEGAL_HOLD_CATEGORIES } from "@/lib/validations/admin-reason-categories";
import "../settings/settings.css";

export const metadata: Metadata = { title: "Retention" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Retention for admins: the policy and its last run, legal holds, deletion on
// request. Reference codes and dates only; nothing here opens a record.
export default async function RetentionPage({ searchParams }: Props) {
  const staff = await requireStaffPage({ role: "admin" });
  const { ref } = await searchParams;
  const reference = typeof ref === "string" && /^[A-Za-z0-9-]{9}$/.test(ref) ? ref.toUpperCase() : "";
  const db = getDb();
  const [settings, lastRun, held, stages] = await Promise.all([
    getTriageSettings(),
    db.auditEvent.findFirst({ where: { action: "retention.purge.completed" }, orderBy: { id: "desc" }, select: { occurredAt: true, metadata: true } }),
    db.inquiry.findMany({ where: { legalHold: true }, orderBy: { createdAt: "desc" }, take: 200, select: { referenceCode: true, createdAt: true, status: true } }),
    db.pipelineStage.findMany({ select: { stage: true, label: true } }),
  ]);
  const stageLabel = new Map(stages.map((stage) => [stage.stage, stage.label]));
  const lastCount = lastRun && typeof lastRun.metadata === "object" && lastRun.metadata !== null && "inquiries" in lastRun.metadata ? String(lastRun.metadata.inquiries) : "0";

  return (
    <>
      <h1>Retention</h1>
      <ReauthenticationNotice staff={staff} back="/staff/admin/retention" what="Deletions on request" />
      <section aria-labelledby="policy-heading">
        <h2 id="policy-heading">Policy</h2>
        <p>
          Inquiries closed without admission lose every personal detail (name, contact details, answers, notes) {settings.retentionDays} days after
          they were closed, unless on legal hold. Dates, stages and sources stay, so reports keep their figures. Change the period in{" "}
          <Link href="/staff/admin/settings">Settings</Link>.
        </p>
        <p>
          {lastRun
            ? `Last run ${lastRun.occurredAt.toISOString().replace("T", " ").slice(0, 16)} UTC: ${lastCount} anonymised.`
            : "The daily run has not happened yet."}
        </p>
      </section>

      <section aria-labelledby="hold-heading">
        <h2 id="hold-heading">Legal hold</h2>
        <p>An inquiry on legal hold is kept whole: neither the daily run nor a deletion request touches it until the hold is lifted.</p>
        <ActionForm action={legalHoldAction} submitLabel="Apply" label="Place or lift a legal hold">
          <label htmlFor="hold-ref">Reference code</label>
          <input id="hold-ref" name="referenceCode" type="text" autoComplete="off" defaultValue={reference} required />
          <label htmlFor="hold-category">Why</label>
          <CategorySelect id="hold-category" categories={LEGAL_HOLD_CATEGORIES} />
          <label htmlFor="hold-reason">Reason (case or request reference)</label>
          <input id="hold-reason" name="reason" type="text" maxLength={500} required />
          <label htmlFor="hold-choice">Action</label>
          <select id="hold-choice" name="hold" defaultValue="place">
            <option value="place">Place a hold</option>
            <option value="lift">Lift the hold</option>
          </select>
        </ActionForm>
        <h3>On hold now</h3>
        {held.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul>
            {held.map((inquiry) => (
              <li key={inquiry.referenceCode}>
                <span className="reference-code">{inquiry.referenceCode}</span>, received {inquiry.createdAt.toISOString().slice(0, 10)},{" "}
                {stageLabel.get(inquiry.status) ?? inquiry.status}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete on request</h2>
        <p>
          When a person asks for their details to be deleted: every personal detail of the inquiry is erased at once and for good, and an open
          inquiry is closed as withdrawn. The reference code, dates and stage stay, and the audit log records how the request came.
        </p>
        <ActionForm action={deletionAction} submitLabel="Delete personal details" label="Delete an inquiry's personal details" danger>
          <label htmlFor="delete-ref">Reference code</label>
          <input id="delete-ref" name="referenceCode" type="text" autoComplete="off" defaultValue={reference} required />
          <label htmlFor="delete-category">How the request was made</label>
          <CategorySelect id="delete-category" categories={DELETION_CATEGORIES} />
          <span className="settings-check">
            <input id="delete-confirm" name="confirm" type="checkbox" value="yes" required />
            <label htmlFor="delete-confirm">I understand this cannot be undone</label>
          </span>
        </ActionForm>
      </section>
    </>
  );
}

// The reasons are a closed list (lib/validations/admin-reason-categories.ts):
// the audit trail keeps them for good, so it must never hold typed text.
function CategorySelect({ id, categories }: { id: string; categories: Record<string, string> }) {
  return (
    <select id={id} name="category" required defaultValue="">
      <option value="" disabled>
        Choose one
      </option>
      {Object.entries(categories).map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </select>
  );
}
