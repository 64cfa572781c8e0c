import { z } from "zod";
import {
  BEST_TIMES,
  CONSENT_TEXT_VERSION,
  CONTACT_METHODS,
  HEARD_ABOUT,
  LANGUAGES,
  LIMITS,
  PERSON_AWARE_ANSWERS,
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
  personAware: z.enum(PERSON_AWARE_ANSWERS, { error: "personAware.required" }).optional(),
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
  heardAbout: z.enum(HEARD_ABOUT, { error: "heardAbout.invalid" }).optional(),
  consent: z.literal(true, { error: "consent.required" }),
  consentTextVersion: z.literal(CONSENT_TEXT_VERSION, { error: "consentTextVersion.outdated" }),
});

export const InquirySchema = InquiryFields.superRefine((inquiry, ctx) => {
  const referral = inquiry.requesterType !== "SELF";
  if (referral) {
    if (!inquiry.referrerName) ctx.addIssue({ code: "custom", path: ["referrerName"], message: "referrerName.required" });
    if (!inquiry.referrerRelationship) {
      ctx.addIssue({ code: "custom", path: ["referrerRelationship"], message: "referrerRelationship.required" });
    }
    if (!inquiry.personAware) ctx.addIssue({ code: "custom", path: ["personAware"], message: "personAware.required" });
  }
  if (!inquiry.phone && !inquiry.email) {
    ctx.addIssue({ code: "custom", path: ["phone"], message: "contact.phoneOrEmail" });
    ctx.addIssue({ code: "custom", path: ["email"], message: "contact.phoneOrEmail" });
  }
  if (inquiry.preferredContactMethod === "EMAIL" && !inquiry.email) {
    ctx.addIssue({ code: "custom", path: ["email"], message: "preferredContactMethod.needsEmail" });
  }
  if (inquiry.preferredContactMethod !== "EMAIL" && !inquiry.phone) {
    ctx.addIssue({ code: "custom", path: ["phone"], message: "preferredContactMethod.needsPhone" });
  }
  if (inquiry.preferredContactMethod === "TEXT" && !inquiry.okToText) {
    ctx.addIssue({ code: "custom", path: ["okToText"], message: "okToText.requiredForText" });
  }
}).transform((inquiry) =>
  // Answers about a referrer are dropped when people ask for themselves (say,
  // after switching back from "someone I care about"): we keep only what applies.
  inquiry.requesterType === "SELF"
    ? { ...inquiry, referrerName: undefined, referrerRelationship: undefined, personAware: undefined }
    : inquiry,
);

export type InquiryInput = z.input<typeof InquirySchema>;
export type Inquiry = z.output<typeof InquirySchema>;
export type InquiryField = keyof InquiryInput;
