"use server";

import { revalidatePath } from "next/cache";
import type { SettingsFormState } from "@/app/staff/(signed-in)/admin/settings/form-state";
import { requireStaffAction, StaffAccessDeniedError } from "@/lib/auth/require-staff";
import { savePayer } from "@/lib/insurance/save-payer";
import { SettingsRefusedError } from "@/lib/triage/settings/settings-refused-error";
import { StaffNotActiveError } from "@/lib/triage/triage-errors";
import { PayerCommandSchema } from "@/lib/validations/payer";

// Re-checks the admin role itself (and savePayer once more, in its
// transaction); the page's check is not enough. The public form reads the
// list per request, so nothing else needs revalidating.
export async function payerAction(_previous: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  try {
    const admin = await requireStaffAction({ role: "admin" });
    const parsed = PayerCommandSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return { fieldErrors: { [String(parsed.error.issues[0]?.path[0] ?? "form")]: parsed.error.issues[0]?.message ?? "Check the payer." } };
    await savePayer({ admin, command: parsed.data });
    revalidatePath("/staff/admin/settings/payers");
    return { ok: "Saved." };
  } catch (error) {
    if (error instanceof StaffAccessDeniedError || error instanceof StaffNotActiveError) return { formError: "Only administrators can do that." };
    if (error instanceof SettingsRefusedError) return error.field ? { fieldErrors: { [error.field]: error.message } } : { formError: error.message };
    throw error;
  }
}
