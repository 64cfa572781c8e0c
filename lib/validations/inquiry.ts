import { z } from "zod";
import {
  BEST_TIMES,
  CONSENT_TEXT_VERSION,
  CONTACT_METHODS,
  LANGUAGES,
  LIMITS,
  PERSON_AWARE_ANSWERS,
  REFERRAL_SOURCE_CODE,
  REQUESTER_TYPES,
} from "@/lib/validations/inquiry-options";
import { normalisePhoneNumber } from "@/lib/validations/phone-number";
import { optionalText, requiredText } from "@/lib/validations/text-field";

// The one definition of a valid inquiry: zodResolver uses it in the browser,
// submitInquiry uses it on the server. Error messages are message codes
// (see lib/validations/messages.ts) so each locale can word them itself.

const phone = optionalText({ max: LIMITS.phone, code: "phone" }).transform((value, ctx) => {
  if (value === undefined) return undefined;
  const normalised = normalisePhoneNumber(value);
  if (normalised === null) {
    ctx.addIssue({ code: "custom", message: "phone.invalid" });
    return z.NEVER;
  }
  return normalised;
});

const email = optionalText({ max: LIMITS.email, code: "email" }).pipe(
  z.email("email.invalid").transform((v) => v.toLowerCase()).optional(),
);

const yesNo = z.boolean({ error: "choice.invalid" }).default(false);

const InquiryFields = z.strictObject({
  requesterType: z.enum(REQUESTER_TYPES, { error: "requesterType.required" }),
  inCrisis: yesNo,
  firstName: requiredText({ max: LIMITS.firstName, code: "firstName" }),
  referrerName: optionalText({ max: LIMITS.referrerName, code: "referrerName" }),
  referrerRelationship: optionalText({ max: LIMITS.referrerRelationship, code: "referrerRelationship" }),
  // nullish: an untouched radio group or select reads as null in the browser.
  personAware: z.enum(PERSON_AWARE_ANSWERS, { error: "personAware.required" }).nullish(),
  phone,
  email,
  preferredContactMethod: z.enum(CONTACT_METHODS, { error: "preferredContactMethod.required" }),
  bestTimes: z
    .array(z.enum(BEST_TIMES, { error: "bestTimes.invalid" }), { error: "bestTimes.invalid" })
    .max(BEST_TIMES.length, "bestTimes.invalid")
    .default([])
    .refine((times) => new Set(times).size === times.length, "bestTimes.invalid"),
  okToLeaveVoicemail: yesNo,
  okToText: yesNo,
  okToNameProgramme: yesNo,
  preferredLanguage: z.enum(LANGUAGES, { error: "preferredLanguage.required" }),
  message: optionalText({ max: LIMITS.message, code: "message", multiline: true }),
  // The shape only: submitInquiry checks the code is an active source.
  heardAbout: z.string({ error: "heardAbout.invalid" }).regex(REFERRAL_SOURCE_CODE, "heardAbout.invalid").nullish(),
  consent: z.literal(true, { error: "consent.required" }),
  consentTextVersion: z.literal(CONSENT_TEXT_VERSION, { error: "consentTextVersion.outdated" }),
});

// Cross-field rules. `when` makes them run even while single fields still have
// errors, so a person sees every problem at once instead of one more after
// each submission (which costs a whole page load without JavaScript). Their
// input may therefore hold unparsed values: each rule only reads truthiness
// and known enum values, and a field that already has an error gets no second one.
const ANY_OBJECT = {
  when: (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null && !Array.isArray(payload.value),
};

export const InquirySchema = InquiryFields.superRefine((inquiry, ctx) => {
  const flagged = new Set(ctx.issues.map((issue) => String(issue.path?.[0])));
  const flag = (field: string, message: string) => {
    if (flagged.has(field)) return;
    flagged.add(field);
    ctx.addIssue({ code: "custom", path: [field], message });
  };
  if (inquiry.requesterType === "LOVED_ONE" || inquiry.requesterType === "PROFESSIONAL") {
    if (!inquiry.referrerName) flag("referrerName", "referrerName.required");
    if (!inquiry.referrerRelationship) flag("referrerRelationship", "referrerRelationship.required");
    if (!inquiry.personAware) flag("personAware", "personAware.required");
  }
  if (!inquiry.phone && !inquiry.email) {
    flag("phone", "contact.phoneOrEmail");
    flag("email", "contact.phoneOrEmail");
  }
  if (inquiry.preferredContactMethod === "EMAIL" && !inquiry.email) flag("email", "preferredContactMethod.needsEmail");
  if ((inquiry.preferredContactMethod === "PHONE" || inquiry.preferredContactMethod === "TEXT") && !inquiry.phone) {
    flag("phone", "preferredContactMethod.needsPhone");
  }
  if (inquiry.preferredContactMethod === "TEXT" && !inquiry.okToText) flag("okToText", "okToText.requiredForText");
}, ANY_OBJECT).transform((inquiry) =>
  // Answers about a referrer are dropped when people ask for themselves (say,
  // after switching back from "someone I care about"): we keep only what applies.
  inquiry.requesterType === "SELF"
    ? { ...inquiry, referrerName: undefined, referrerRelationship: undefined, personAware: undefined }
    : inquiry,
);

export type InquiryInput = z.input<typeof InquirySchema>;
export type Inquiry = z.output<typeof InquirySchema>;
export type InquiryField = keyof InquiryInput;
