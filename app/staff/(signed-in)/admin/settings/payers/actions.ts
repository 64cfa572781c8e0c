"use server";

import { type ActionState } from "@/lib/actions/action-state";
import { runStaffAction } from "@/lib/actions/run-staff-action";
import { savePayer } from "@/lib/insurance/save-payer";
import { PayerCommandSchema } from "@/lib/validations/payer";

// savePayer re-checks the admin in its transaction. The public form reads the
// list per request, so only this page needs re-rendering.
export async function payerAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runStaffAction({
    access: "admin",
    input: Object.fromEntries(form),
    schema: PayerCommandSchema,
    revalidate: "/staff/admin/settings/payers",
    work: async (admin, command) => {
      await savePayer({ admin, command });
      return { ok: true, message: "Saved." };
    },
  });
}
