import { TableScroll } from "@/components/staff/TableScroll";
import type { Metadata } from "next";
import Link from "next/link";
import { exitReasonAction, referralSourceAction, saveStagesAction, staffLanguagesAction } from "@/app/staff/(signed-in)/admin/settings/actions";
import { ActionForm } from "@/app/staff/(signed-in)/admin/settings/ActionForm";
import { SettingsForm } from "@/app/staff/(signed-in)/admin/settings/SettingsForm";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { getDb } from "@/lib/db/client";
import { EXIT_STAGES } from "@/lib/triage/pipeline/pipeline-transitions";
import { getTriageSettings } from "@/lib/triage/settings/triage-settings";
import { languageName } from "@/lib/i18n/locales";
import { LANGUAGES } from "@/lib/validations/inquiry-options";
import "./settings.css";

export const metadata: Metadata = { title: "Settings" };


export default async function SettingsPage() {
  await requireStaffPage({ role: "admin" });
  const db = getDb();
  const [settings, stages, reasons, sources, staff] = await Promise.all([
    getTriageSettings(),
    db.pipelineStage.findMany({ orderBy: { position: "asc" } }),
    db.exitReason.findMany({ orderBy: [{ stage: "asc" }, { position: "asc" }] }),
    db.referralSource.findMany({ orderBy: { position: "asc" } }),
    db.staffUser.findMany({ where: { banned: false }, orderBy: { name: "asc" }, select: { id: true, name: true, role: true, profile: { select: { languages: true } } } }),
  ]);
  const labelOf = new Map(stages.map((stage) => [stage.stage, stage.label]));

  return (
    <>
      <h1>Settings</h1>
      <p>
        <Link href="/staff/admin/settings/clinic">Clinic details</Link>: name, phone, hours, address and programme description on the public pages.
      </p>
      <section aria-labelledby="workspace-heading">
        <h2 id="workspace-heading">Response, assignment and retention</h2>
        <SettingsForm initial={settings} timeZones={Intl.supportedValuesOf("timeZone")} />
        <p>
          <Link href="/staff/admin/settings/closures">Closure days and public holidays</Link>
        </p>
      </section>

      <section aria-labelledby="stages-heading">
        <h2 id="stages-heading">Pipeline stages</h2>
        <p>Rename the stages and choose the order they are listed in. Which moves are allowed does not change.</p>
        <ActionForm action={saveStagesAction} submitLabel="Save stages" label="Pipeline stages">
          <TableScroll label="Settings table">
            <table>
              <thead>
                <tr>
                  <th scope="col">Stage</th>
                  <th scope="col">Name shown</th>
                  <th scope="col">Order</th>
                </tr>
              </thead>
              <tbody>
                {stages.map((stage) => (
                  <tr key={stage.stage}>
                    <th scope="row">{stage.stage.replaceAll("_", " ").toLowerCase()}</th>
                    <td>
                      <label className="visually-hidden" htmlFor={`label-${stage.stage}`}>{`Name for ${stage.label}`}</label>
                      <input id={`label-${stage.stage}`} name={`label-${stage.stage}`} type="text" maxLength={64} defaultValue={stage.label} />
                    </td>
                    <td>
                      <label className="visually-hidden" htmlFor={`order-${stage.stage}`}>{`Order of ${stage.label}`}</label>
                      <input id={`order-${stage.stage}`} name={`order-${stage.stage}`} className="settings-order" type="number" min={1} max={99} defaultValue={stage.position} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </ActionForm>
      </section>

      <section aria-labelledby="reasons-heading">
        <h2 id="reasons-heading">Exit reasons</h2>
        <p>Closing an inquiry asks for one of these. Retired reasons are no longer offered but stay on the inquiries that used them.</p>
        {EXIT_STAGES.map((stage) => (
          <div key={stage}>
            <h3>{labelOf.get(stage) ?? stage}</h3>
            <ul className="settings-list">
              {reasons
                .filter((reason) => reason.stage === stage)
                .map((reason) => (
                  <li key={reason.id}>
                    <ActionForm action={exitReasonAction} submitLabel="Rename" label={`Rename ${reason.label}`}>
                      <input type="hidden" name="command" value="rename" />
                      <input type="hidden" name="id" value={reason.id} />
                      <label className="visually-hidden" htmlFor={`reason-${reason.id}`}>{`New name for ${reason.label}`}</label>
                      <input id={`reason-${reason.id}`} name="label" type="text" maxLength={100} defaultValue={reason.label} />
                    </ActionForm>
                    <ActionForm
                      action={exitReasonAction}
                      submitLabel={reason.active ? `Retire “${reason.label}”` : `Bring back “${reason.label}”`}
                      label={reason.active ? `Retire ${reason.label}` : `Bring back ${reason.label}`}
                      danger={reason.active}
                    >
                      <input type="hidden" name="command" value={reason.active ? "deactivate" : "activate"} />
                      <input type="hidden" name="id" value={reason.id} />
                      {reason.active ? null : <span className="note">Retired. </span>}
                    </ActionForm>
                  </li>
                ))}
              <li>
                <ActionForm action={exitReasonAction} submitLabel="Add reason" label={`Add a reason for ${labelOf.get(stage) ?? stage}`}>
                  <input type="hidden" name="command" value="add" />
                  <input type="hidden" name="stage" value={stage} />
                  <label className="visually-hidden" htmlFor={`new-reason-${stage}`}>{`New reason for ${labelOf.get(stage) ?? stage}`}</label>
                  <input id={`new-reason-${stage}`} name="label" type="text" maxLength={100} placeholder="New reason" />
                </ActionForm>
              </li>
            </ul>
          </div>
        ))}
      </section>

      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">Referral sources</h2>
        <p>Where inquiries come from, for the conversion report. The form&apos;s own answers are the first ones; retired sources stay in reports.</p>
        <ul className="settings-list">
          {sources.map((source) => (
            <li key={source.code}>
              <ActionForm action={referralSourceAction} submitLabel="Rename" label={`Rename ${source.label}`}>
                <input type="hidden" name="command" value="rename" />
                <input type="hidden" name="code" value={source.code} />
                <label className="visually-hidden" htmlFor={`source-${source.code}`}>{`New name for ${source.label}`}</label>
                <input id={`source-${source.code}`} name="label" type="text" maxLength={100} defaultValue={source.label} />
              </ActionForm>
              <ActionForm
                action={referralSourceAction}
                submitLabel={source.active ? `Retire “${source.label}”` : `Bring back “${source.label}”`}
                label={source.active ? `Retire ${source.label}` : `Bring back ${source.label}`}
                danger={source.active}
              >
                <input type="hidden" name="command" value={source.active ? "deactivate" : "activate"} />
                <input type="hidden" name="code" value={source.code} />
                {source.active ? null : <span className="note">Retired. </span>}
              </ActionForm>
            </li>
          ))}
          <li>
            <ActionForm action={referralSourceAction} submitLabel="Add source" label="Add a referral source">
              <input type="hidden" name="command" value="add" />
              <label className="visually-hidden" htmlFor="new-source">New referral source</label>
              <input id="new-source" name="label" type="text" maxLength={100} placeholder="New source" />
            </ActionForm>
          </li>
        </ul>
      </section>

      <section aria-labelledby="payers-heading">
        <h2 id="payers-heading">Payers</h2>
        <p>
          <Link href="/staff/admin/settings/payers">Edit the insurance companies offered on the request form</Link>
        </p>
      </section>

      <section aria-labelledby="languages-heading">
        <h2 id="languages-heading">Languages staff speak</h2>
        <p>Automatic assignment gives an inquiry only to a coordinator who speaks its preferred language.</p>
        <ul className="settings-list">
          {staff.map((member) => (
            <li key={member.id}>
              <ActionForm action={staffLanguagesAction} submitLabel="Save" label={`Languages ${member.name} speaks`}>
                <input type="hidden" name="userId" value={member.id} />
                <span className="settings-who">
                  {member.name} ({member.role === "admin" ? "administrator" : "coordinator"})
                </span>
                {LANGUAGES.map((language) => (
                  <span className="settings-check" key={language}>
                    <input
                      id={`languages-${member.id}-${language}`}
                      name="languages"
                      type="checkbox"
                      value={language}
                      defaultChecked={member.profile?.languages.includes(language) ?? false}
                    />
                    <label htmlFor={`languages-${member.id}-${language}`}>{languageName(language)}</label>
                  </span>
                ))}
              </ActionForm>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
