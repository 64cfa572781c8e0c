"use server";

import { type ActionState } from "@/lib/actions/action-state";
import { runStaffAction } from "@/lib/actions/run-staff-action";
import { requireRecentReauthentication } from "@/lib/auth/reauthentication";
import { deleteInquiryOnRequest } from "@/lib/triage/retention/delete-inquiry-on-request";
import { setLegalHold } from "@/lib/triage/retention/set-legal-hold";
import { DeletionRequestSchema, LegalHoldRequestSchema } from "@/lib/validations/retention-request";

const PATH = "/staff/admin/retention";

export async function legalHoldAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runStaffAction({
    access: "admin",
    input: Object.fromEntries(form),
    schema: LegalHoldRequestSchema,
    revalidate: PATH,
    work: async (admin, { referenceCode, category, reason, hold }) => {
      await setLegalHold({ admin, referenceCode, category, reason, hold: hold === "place" });
      return { ok: true, message: hold === "place" ? `${referenceCode} is on legal hold.` : `The legal hold on ${referenceCode} is lifted.` };
    },
  });
}

// Irreversible: the admin confirms it is them within the last few minutes.
export async function deletionAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runStaffAction({
    access: "admin",
    input: Object.fromEntries(form),
    schema: DeletionRequestSchema,
    revalidate: PATH,
    work: async (admin, { referenceCode, category }) => {
      await requireRecentReauthentication(admin);
      await deleteInquiryOnRequest({ admin, referenceCode, category });
      return { ok: true, message: `The personal details of ${referenceCode} are deleted.` };
    },
  });
}
