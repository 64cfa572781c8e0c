import type { InquiryField } from "@/lib/validations/inquiry";

// The guided flow, one short screen at a time (with JavaScript; without it the
// steps are sections of one page). Each step validates only its own fields.
export const STEPS = ["who", "person", "contact", "more", "insurance", "review"] as const;
export type StepId = (typeof STEPS)[number];

export const STEP_FIELDS: Record<StepId, readonly InquiryField[]> = {
  who: ["requesterType", "inCrisis"],
  person: ["firstName", "referrerName", "referrerRelationship", "personAware"],
  contact: ["phone", "email", "preferredContactMethod", "bestTimes", "okToLeaveVoicemail", "okToText", "okToNameProgramme"],
  more: ["preferredLanguage", "heardAbout", "message"],
  // Optional, and skippable as a whole (issue 12).
  insurance: ["insuranceKind", "insurancePayer", "insurancePayerOther", "insuranceMemberId", "insurancePolicyHolder"],
  review: ["consent", "consentTextVersion"],
};

// Display order of all fields, for the error summary.
export const FIELD_ORDER: readonly InquiryField[] = STEPS.flatMap((step) => STEP_FIELDS[step]);

export const stepHeadingId = (step: StepId) => `step-${step}`;

export function stepOf(field: string): StepId {
  return STEPS.find((step) => (STEP_FIELDS[step] as readonly string[]).includes(field)) ?? "review";
}
