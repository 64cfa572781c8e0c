"use server";

import { refused, type ActionState } from "@/lib/actions/action-state";
import { runStaffAction } from "@/lib/actions/run-staff-action";
import { closureRange } from "@/lib/triage/closures/closure-range";
import { publicHolidays } from "@/lib/triage/closures/public-holidays";
import { addPublicHolidays, saveClosureDay } from "@/lib/triage/closures/save-closure-day";
import { getTriageSettings } from "@/lib/triage/settings/triage-settings";
import { AddHolidaysSchema, ClosureCommandSchema } from "@/lib/validations/closure-day";

const PATH = "/staff/admin/settings/closures";

export async function closureDayAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runStaffAction({
    access: "admin",
    input: Object.fromEntries(form),
    schema: ClosureCommandSchema,
    revalidate: PATH,
    work: async (admin, command) => {
      await saveClosureDay({ admin, command });
      return { ok: true, message: command.command === "add" ? `Closed on ${command.date}.` : `${command.date} is no longer a closure day.` };
    },
  });
}

// The names come from the holiday calendar again, on the server: only the
// dates are taken from the form.
export async function addHolidaysAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runStaffAction({
    access: "admin",
    input: { country: form.get("country"), state: form.get("state") ?? "", dates: form.getAll("dates") },
    schema: AddHolidaysSchema,
    revalidate: PATH,
    work: async (admin, { country, state, dates }) => {
      const { timeZone } = await getTriageSettings();
      const known = publicHolidays({ country, state, ...closureRange(new Date(), timeZone) });
      const chosen = known.filter((holiday) => dates.includes(holiday.date));
      if (chosen.length !== new Set(dates).size) return refused("Those are not all public holidays of that country and region.");
      const { added } = await addPublicHolidays({ admin, holidays: chosen, source: { country, state } });
      return { ok: true, message: added.length === 0 ? "Those days were already closure days." : `Added ${added.length} closure ${added.length === 1 ? "day" : "days"}.` };
    },
  });
}
