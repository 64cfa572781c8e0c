"use server";

import { type ActionState } from "@/lib/actions/action-state";
import { runStaffAction } from "@/lib/actions/run-staff-action";
import { saveClinicDetails } from "@/lib/clinic/save-clinic-details";
import { ClinicDetailsSchema, clinicDetailsFromFormData, clinicFieldDepth } from "@/lib/validations/clinic-details";

// The clinic details form keeps what was typed, refused or saved.
export type ClinicDetailsState = ActionState<{ values?: Record<string, unknown> }>;

// Re-checks the admin role itself (runStaffAction), and saveClinicDetails
// once more in its transaction; the page's check is not enough. A refused
// form names every field that needs attention.
export async function saveClinicDetailsAction(_previous: ClinicDetailsState, form: FormData): Promise<ClinicDetailsState> {
  const raw = clinicDetailsFromFormData(form);
  return runStaffAction({
    access: "admin",
    input: raw,
    schema: ClinicDetailsSchema,
    keep: raw,
    fieldDepth: clinicFieldDepth,
    revalidate: "/staff/admin/settings/clinic",
    work: async (admin, values) => {
      const { changed } = await saveClinicDetails({ admin, values });
      return { ok: true, message: changed.length === 0 ? "No changes." : "Clinic details saved. Public pages show them now.", values: raw };
    },
  });
}
