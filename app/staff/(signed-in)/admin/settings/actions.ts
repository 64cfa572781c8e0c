"use server";

import { type ActionState } from "@/lib/actions/action-state";
import { runStaffAction } from "@/lib/actions/run-staff-action";
import { PIPELINE_STAGES } from "@/lib/triage/pipeline/pipeline-transitions";
import { saveExitReason } from "@/lib/triage/settings/save-exit-reason";
import { saveReferralSource } from "@/lib/triage/settings/save-referral-source";
import { setStaffLanguages } from "@/lib/triage/settings/set-staff-languages";
import { updatePipelineStages } from "@/lib/triage/settings/update-pipeline-stages";
import { updateTriageSettings } from "@/lib/triage/settings/update-triage-settings";
import { ExitReasonCommandSchema } from "@/lib/validations/exit-reason";
import { PipelineStagesSchema } from "@/lib/validations/pipeline-stages";
import { ReferralSourceCommandSchema } from "@/lib/validations/referral-source";
import { StaffLanguagesSchema } from "@/lib/validations/staff-languages";
import { TriageSettingsSchema } from "@/lib/validations/triage-settings";
import { triageSettingsFromFormData } from "@/lib/validations/triage-settings-form-data";

const PATH = "/staff/admin/settings";
const done = (message: string) => ({ ok: true as const, message });

// The settings form keeps what was typed, refused or saved.
type SettingsState = ActionState<{ values?: Record<string, unknown> }>;

// Each action re-checks the admin role itself (runStaffAction), and the
// domain function once more in its transaction; the page's check is not
// enough.
export async function saveSettingsAction(_previous: SettingsState, form: FormData): Promise<SettingsState> {
  const raw = triageSettingsFromFormData(form);
  return runStaffAction({
    access: "admin",
    input: raw,
    schema: TriageSettingsSchema,
    keep: raw,
    // "businessHours.mon": a weekday's hours are a field of their own.
    fieldDepth: (first) => (first === "businessHours" ? 2 : 1),
    revalidate: PATH,
    work: async (admin, values) => {
      const { changed } = await updateTriageSettings({ admin, values });
      return { ...done(changed.length === 0 ? "No changes." : "Settings saved."), values: raw };
    },
  });
}

export async function saveStagesAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runStaffAction({
    access: "admin",
    input: PIPELINE_STAGES.map((stage) => ({ stage, label: form.get(`label-${stage}`) ?? "", order: form.get(`order-${stage}`) ?? "" })),
    schema: PipelineStagesSchema,
    revalidate: PATH,
    work: async (admin, stages) => {
      await updatePipelineStages({ admin, stages });
      return done("Stages saved.");
    },
  });
}

export async function exitReasonAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runStaffAction({
    access: "admin",
    input: Object.fromEntries(form),
    schema: ExitReasonCommandSchema,
    revalidate: PATH,
    work: async (admin, command) => {
      await saveExitReason({ admin, command });
      return done("Saved.");
    },
  });
}

export async function referralSourceAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runStaffAction({
    access: "admin",
    input: Object.fromEntries(form),
    schema: ReferralSourceCommandSchema,
    revalidate: PATH,
    work: async (admin, command) => {
      await saveReferralSource({ admin, command });
      return done("Saved.");
    },
  });
}

export async function staffLanguagesAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runStaffAction({
    access: "admin",
    input: { userId: form.get("userId"), languages: form.getAll("languages") },
    schema: StaffLanguagesSchema,
    revalidate: PATH,
    work: async (admin, input) => {
      await setStaffLanguages({ admin, input });
      return done("Saved.");
    },
  });
}
