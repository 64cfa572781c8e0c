"use server";

import { revalidatePath } from "next/cache";
import type { SettingsFormState } from "@/app/staff/(signed-in)/admin/settings/form-state";
import { requireStaffAction, StaffAccessDeniedError } from "@/lib/auth/require-staff";
import { closureRange } from "@/lib/triage/closures/closure-range";
import { publicHolidays } from "@/lib/triage/closures/public-holidays";
import { addPublicHolidays, saveClosureDay } from "@/lib/triage/closures/save-closure-day";
import { SettingsRefusedError } from "@/lib/triage/settings/settings-refused-error";
import type { TriageActor } from "@/lib/triage/triage-actor";
import { getTriageSettings } from "@/lib/triage/triage-settings";
import { StaffNotActiveError } from "@/lib/triage/triage-errors";
import { AddHolidaysSchema, ClosureCommandSchema } from "@/lib/validations/closure-day";

const PATH = "/staff/admin/settings/closures";

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

export async function closureDayAction(_previous: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  return asAdmin(async (admin) => {
    const parsed = ClosureCommandSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return { fieldErrors: { [String(parsed.error.issues[0]?.path[0] ?? "date")]: parsed.error.issues[0]?.message ?? "Check the date." } };
    await saveClosureDay({ admin, command: parsed.data });
    return { ok: parsed.data.command === "add" ? `Closed on ${parsed.data.date}.` : `${parsed.data.date} is no longer a closure day.` };
  });
}

// The names come from the holiday calendar again, on the server: only the
// dates are taken from the form.
export async function addHolidaysAction(_previous: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  return asAdmin(async (admin) => {
    const parsed = AddHolidaysSchema.safeParse({ country: form.get("country"), state: form.get("state") ?? "", dates: form.getAll("dates") });
    if (!parsed.success) return { formError: parsed.error.issues[0]?.message ?? "Choose the holidays to add." };
    const { timeZone } = await getTriageSettings();
    const known = publicHolidays({ country: parsed.data.country, state: parsed.data.state, ...closureRange(new Date(), timeZone) });
    const chosen = known.filter((holiday) => parsed.data.dates.includes(holiday.date));
    if (chosen.length !== new Set(parsed.data.dates).size) return { formError: "Those are not all public holidays of that country and region." };
    const { added } = await addPublicHolidays({ admin, holidays: chosen, source: { country: parsed.data.country, state: parsed.data.state } });
    return { ok: added.length === 0 ? "Those days were already closure days." : `Added ${added.length} closure ${added.length === 1 ? "day" : "days"}.` };
  });
}
