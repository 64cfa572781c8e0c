"use server";

import { revalidatePath } from "next/cache";
import type { SettingsFormState } from "@/app/staff/(signed-in)/admin/settings/form-state";
import { requireStaffAction, StaffAccessDeniedError } from "@/lib/auth/require-staff";
import { saveClinicDetails } from "@/lib/clinic/save-clinic-details";
import { StaffNotActiveError } from "@/lib/triage/triage-errors";
import { ClinicDetailsSchema, clinicDetailsFromFormData, clinicFieldErrors } from "@/lib/validations/clinic-details";

// Re-checks the admin role itself (and saveClinicDetails once more, in its
// transaction); the page's check is not enough. A refused form keeps what
// was typed and names every field that needs attention.
export async function saveClinicDetailsAction(_previous: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  const raw = clinicDetailsFromFormData(form);
  try {
    const admin = await requireStaffAction({ role: "admin" });
    const parsed = ClinicDetailsSchema.safeParse(raw);
    if (!parsed.success) return { fieldErrors: clinicFieldErrors(parsed.error), values: raw };
    const { changed } = await saveClinicDetails({ admin, values: parsed.data });
    revalidatePath("/staff/admin/settings/clinic");
    return { ok: changed.length === 0 ? "No changes." : "Clinic details saved. Public pages show them now.", values: raw };
  } catch (error) {
    if (error instanceof StaffAccessDeniedError || error instanceof StaffNotActiveError) return { formError: "Only administrators can do that." };
    throw error;
  }
}
