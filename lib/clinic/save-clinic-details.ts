import "server-only";
import { SEED_CLINIC_VALUES } from "@/lib/clinic/clinic-details";
import { rememberClinicValues } from "@/lib/clinic/load-clinic-details";
import { getDb } from "@/lib/db/client";
import { LOCALES } from "@/lib/i18n/locales";
import { assertAdmin } from "@/lib/triage/access/assert-admin";
import { recordAdminAuditEvent } from "@/lib/triage/access/record-admin-audit-event";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { CLINIC_FIELDS, CLINIC_LOCALISED_FIELDS, type ClinicDetailsValues } from "@/lib/validations/clinic-details";

// Which fields differ, by name ("phone", "programmeSummary.es").
function changedFields(before: ClinicDetailsValues, after: ClinicDetailsValues): string[] {
  const changed: string[] = CLINIC_FIELDS.filter((field) => before[field] !== after[field]);
  for (const locale of LOCALES) {
    const old: Partial<ClinicDetailsValues["localised"]> = before.localised;
    for (const field of CLINIC_LOCALISED_FIELDS) {
      if (JSON.stringify(old[locale]?.[field]) !== JSON.stringify(after.localised[locale][field])) changed.push(`${field}.${locale}`);
    }
  }
  return changed;
}

// Saves the clinic's public details (already validated by
// ClinicDetailsSchema). Every page reads them per request, so the next page
// load anywhere shows them. The audit names the fields that changed, not
// their values: the details are public, but the trail stays compact.
export async function saveClinicDetails(options: { admin: TriageActor; values: ClinicDetailsValues }): Promise<{ changed: string[] }> {
  const { values } = options;
  const result = await getDb().$transaction(async (tx) => {
    await assertAdmin({ tx, userId: options.admin.user.id });
    const row = await tx.clinicDetails.findUnique({ where: { id: 1 } });
    const before: ClinicDetailsValues = row ? { ...row, localised: row.localised as ClinicDetailsValues["localised"] } : SEED_CLINIC_VALUES;
    const changed = changedFields(before, values);
    if (changed.length === 0) return { changed };
    const data = { ...values, updatedAt: new Date() };
    await tx.clinicDetails.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    await recordAdminAuditEvent({ tx, actor: options.admin, action: "clinic.details.updated", metadata: { changed } });
    return { changed };
  });
  rememberClinicValues(values);
  return result;
}
