"use server";

import { redirect } from "next/navigation";
import type { NewInquiryState } from "@/components/staff/new-inquiry/new-inquiry-state";
import { requireStaffAction, StaffAccessDeniedError, type StaffContext } from "@/lib/auth/require-staff";
import { enterStaffInquiry } from "@/lib/inquiries/enter-staff-inquiry";
import { logger } from "@/lib/logging/logger";
import { StaffNotActiveError } from "@/lib/triage/triage-errors";
import { inquiryFromFormData } from "@/lib/validations/inquiry-form-data";
import { staffInquiryMessage } from "@/lib/validations/staff-inquiry-messages";

const NONCE_FIELD = "formNonce";

// "New inquiry": coordinators and admins alike (requireStaffAction with no
// role). Refusals come back field by field, with the answers as typed so the
// form shows them again (also without JavaScript, where this state is
// rendered into the page that answers the post). Success opens the record.
export async function enterInquiryAction(_previous: NewInquiryState, form: FormData): Promise<NewInquiryState> {
  let staff: StaffContext;
  try {
    staff = await requireStaffAction();
  } catch (error) {
    // Nothing echoed back to a caller without a session.
    if (error instanceof StaffAccessDeniedError) return { values: {}, fieldErrors: {}, formError: "Your session has ended. Sign in again, then enter the inquiry again." };
    throw error;
  }
  const values = typedValues(form);
  const nonce = form.get(NONCE_FIELD);
  const answers = inquiryFromFormData(form);
  delete answers[NONCE_FIELD];
  let id: string;
  try {
    const result = await enterStaffInquiry({ actor: staff, answers, formNonce: typeof nonce === "string" ? nonce : "" });
    if (!result.ok) {
      const fieldErrors = Object.fromEntries(Object.entries(result.fieldErrors).map(([field, codes]) => [field, codes.map(staffInquiryMessage)]));
      return { values, fieldErrors, formError: result.formErrors[0] ? staffInquiryMessage(result.formErrors[0]) : null };
    }
    id = result.id;
  } catch (error) {
    if (error instanceof StaffNotActiveError) return { values, fieldErrors: {}, formError: error.message };
    logger.error({ err: error, userId: staff.user.id }, "staff inquiry entry failed");
    return { values, fieldErrors: {}, formError: "Something went wrong and the inquiry was not saved. Try again; if it keeps happening, tell an administrator." };
  }
  redirect(`/staff/inquiries/${id}`);
}

// What was posted, as strings (lists for repeated fields), to fill the form
// in again after a refusal.
function typedValues(form: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = form.getAll(key).filter((value): value is string => typeof value === "string");
    values[key] = all.length === 1 ? (all[0] ?? "") : all;
  }
  return values;
}
