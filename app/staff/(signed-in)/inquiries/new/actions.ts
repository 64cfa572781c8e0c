"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import type { NewInquiryState } from "@/components/staff/new-inquiry/new-inquiry-state";
import { runStaffAction } from "@/lib/actions/run-staff-action";
import { enterStaffInquiry } from "@/lib/inquiries/enter-staff-inquiry";
import { inquiryFromFormData } from "@/lib/validations/inquiry-form-data";
import { staffInquiryMessage } from "@/lib/validations/staff-inquiry-messages";

const NONCE_FIELD = "formNonce";
// The staff schema depends on the clinic's zone and clock, so
// enterStaffInquiry validates (field by field, with message codes); here the
// post only has to be a set of named answers.
const PostedAnswers = z.record(z.string(), z.unknown());

// "New inquiry": coordinators and admins alike. Refusals come back field by
// field, with the answers as typed so the form shows them again (also
// without JavaScript, where this state is rendered into the page that answers
// the post). Success opens the record.
export async function enterInquiryAction(_previous: NewInquiryState, form: FormData): Promise<NewInquiryState> {
  const nonce = form.get(NONCE_FIELD);
  const answers = inquiryFromFormData(form);
  delete answers[NONCE_FIELD];
  let opened: string | null = null;
  const state = await runStaffAction({
    input: answers,
    schema: PostedAnswers,
    keep: typedValues(form),
    work: async (staff, posted): Promise<NewInquiryState> => {
      const result = await enterStaffInquiry({ actor: staff, answers: posted, formNonce: typeof nonce === "string" ? nonce : "" });
      if (!result.ok) {
        const fieldErrors = Object.fromEntries(Object.entries(result.fieldErrors).flatMap(([field, codes]) => (codes[0] ? [[field, staffInquiryMessage(codes[0])]] : [])));
        return { ok: false, fieldErrors, formError: result.formErrors[0] ? staffInquiryMessage(result.formErrors[0]) : null };
      }
      opened = result.id;
      return { ok: true, message: "Inquiry saved." };
    },
  });
  // Outside the runner: redirect() works by throwing.
  if (opened) redirect(`/staff/inquiries/${opened}`);
  return state;
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
