"use server";

import { revalidatePath } from "next/cache";
import type { SettingsFormState } from "@/app/staff/(signed-in)/admin/settings/form-state";
import { ReauthenticationRequiredError, requireRecentReauthentication } from "@/lib/auth/reauthentication";
import { requireStaffAction, StaffAccessDeniedError } from "@/lib/auth/require-staff";
import { deleteInquiryOnRequest } from "@/lib/triage/delete-inquiry-on-request";
import { RetentionRefusedError } from "@/lib/triage/retention-refused-error";
import { setLegalHold } from "@/lib/triage/set-legal-hold";
import { StaffNotActiveError } from "@/lib/triage/triage-errors";
import { DeletionRequestSchema, LegalHoldRequestSchema } from "@/lib/validations/retention-request";

async function asAdmin(work: (admin: Awaited<ReturnType<typeof requireStaffAction>>) => Promise<SettingsFormState>): Promise<SettingsFormState> {
  try {
    const state = await work(await requireStaffAction({ role: "admin" }));
    if (state.ok) revalidatePath("/staff/admin/retention");
    return state;
  } catch (error) {
    if (error instanceof StaffAccessDeniedError || error instanceof StaffNotActiveError) return { formError: "Only administrators can do that." };
    if (error instanceof RetentionRefusedError) return { formError: error.message };
    if (error instanceof ReauthenticationRequiredError) return { formError: "Confirm it's you first (link at the top of the page)." };
    throw error;
  }
}

export async function legalHoldAction(_previous: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  return asAdmin(async (admin) => {
    const parsed = LegalHoldRequestSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return { formError: parsed.error.issues[0]?.message ?? "Check the form." };
    const { referenceCode, category, reason, hold } = parsed.data;
    await setLegalHold({ admin, referenceCode, category, reason, hold: hold === "place" });
    return { ok: hold === "place" ? `${referenceCode} is on legal hold.` : `The legal hold on ${referenceCode} is lifted.` };
  });
}

export async function deletionAction(_previous: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  return asAdmin(async (admin) => {
    const parsed = DeletionRequestSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return { formError: parsed.error.issues[0]?.message ?? "Check the form." };
    await requireRecentReauthentication(admin);
    await deleteInquiryOnRequest({ admin, referenceCode: parsed.data.referenceCode, category: parsed.data.category });
    return { ok: `The personal details of ${parsed.data.referenceCode} are deleted.` };
  });
}
