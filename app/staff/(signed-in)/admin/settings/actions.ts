"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { SettingsFormState } from "@/app/staff/(signed-in)/admin/settings/form-state";
import { requireStaffAction, StaffAccessDeniedError } from "@/lib/auth/require-staff";
import { PIPELINE_STAGES } from "@/lib/triage/pipeline-transitions";
import { saveExitReason } from "@/lib/triage/settings/save-exit-reason";
import { saveReferralSource } from "@/lib/triage/settings/save-referral-source";
import { setStaffLanguages } from "@/lib/triage/settings/set-staff-languages";
import { SettingsRefusedError } from "@/lib/triage/settings/settings-refused-error";
import { updatePipelineStages } from "@/lib/triage/settings/update-pipeline-stages";
import { updateTriageSettings } from "@/lib/triage/settings/update-triage-settings";
import type { TriageActor } from "@/lib/triage/triage-actor";
import { StaffNotActiveError } from "@/lib/triage/triage-errors";
import { ExitReasonCommandSchema } from "@/lib/validations/exit-reason";
import { PipelineStagesSchema } from "@/lib/validations/pipeline-stages";
import { ReferralSourceCommandSchema } from "@/lib/validations/referral-source";
import { StaffLanguagesSchema } from "@/lib/validations/staff-languages";
import { TriageSettingsSchema } from "@/lib/validations/triage-settings";
import { triageSettingsFromFormData } from "@/lib/validations/triage-settings-form-data";

const PATH = "/staff/admin/settings";

// Each action re-checks the admin role itself (and the domain function once
// more, in its transaction); the page's check is not enough.
async function asAdmin(work: (admin: TriageActor) => Promise<SettingsFormState>): Promise<SettingsFormState> {
  try {
    const state = await work(await requireStaffAction({ role: "admin" }));
    if (state.ok) revalidatePath(PATH);
    return state;
  } catch (error) {
    if (error instanceof StaffAccessDeniedError || error instanceof StaffNotActiveError) return { formError: "Only administrators can do that." };
    if (error instanceof SettingsRefusedError) return error.field ? { fieldErrors: { [error.field]: error.message } } : { formError: error.message };
    throw error;
  }
}

// Zod issues keyed by field id: "businessHours.mon" for a weekday's hours.
function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.slice(0, issue.path[0] === "businessHours" ? 2 : 1).join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

export async function saveSettingsAction(_previous: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  return asAdmin(async (admin) => {
    const raw = triageSettingsFromFormData(form);
    const parsed = TriageSettingsSchema.safeParse(raw);
    if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values: raw };
    const { changed } = await updateTriageSettings({ admin, values: parsed.data });
    return { ok: changed.length === 0 ? "No changes." : "Settings saved.", values: raw };
  });
}

export async function saveStagesAction(_previous: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  return asAdmin(async (admin) => {
    const parsed = PipelineStagesSchema.safeParse(
      PIPELINE_STAGES.map((stage) => ({ stage, label: form.get(`label-${stage}`) ?? "", order: form.get(`order-${stage}`) ?? "" })),
    );
    if (!parsed.success) return { formError: parsed.error.issues[0]?.message ?? "Check the stage names and order." };
    await updatePipelineStages({ admin, stages: parsed.data });
    return { ok: "Stages saved." };
  });
}

export async function exitReasonAction(_previous: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  return asAdmin(async (admin) => {
    const parsed = ExitReasonCommandSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return { formError: parsed.error.issues[0]?.message ?? "Check the reason." };
    await saveExitReason({ admin, command: parsed.data });
    return { ok: "Saved." };
  });
}

export async function referralSourceAction(_previous: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  return asAdmin(async (admin) => {
    const parsed = ReferralSourceCommandSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return { formError: parsed.error.issues[0]?.message ?? "Check the source." };
    await saveReferralSource({ admin, command: parsed.data });
    return { ok: "Saved." };
  });
}

export async function staffLanguagesAction(_previous: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  return asAdmin(async (admin) => {
    const parsed = StaffLanguagesSchema.safeParse({ userId: form.get("userId"), languages: form.getAll("languages") });
    if (!parsed.success) return { formError: "Choose from the languages listed." };
    await setStaffLanguages({ admin, input: parsed.data });
    return { ok: "Saved." };
  });
}
