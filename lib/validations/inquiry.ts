import { z } from "zod";
import {
  BEST_TIMES,
  CONSENT_TEXT_VERSION,
  CONTACT_METHODS,
  FIRST_CONTACT_MAX_AGE_DAYS,
  LANGUAGES,
  LIMITS,
  PERSON_AWARE_ANSWERS,
  REFERRAL_SOURCE_CODE,
  REQUESTER_TYPES,
  STAFF_ENTRY_CHANNELS,
} from "@/lib/validations/inquiry-options";
import { instantFromWallTime } from "@/lib/triage/clock/instant-from-wall-time";
import { COVERAGE_KINDS, INSURANCE_LIMITS, KINDS_WITHOUT_DETAILS, OTHER_PAYER, PAYER_CODE, POLICY_HOLDER_ANSWERS } from "@/lib/validations/insurance-options";
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

// Member ids are letters, digits, spaces and dashes on every US card.
const memberId = optionalText({ max: INSURANCE_LIMITS.memberId, code: "insuranceMemberId" }).refine(
  (v) => v === undefined || /^[A-Za-z0-9 -]+$/.test(v),
  "insuranceMemberId.invalid",
);

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
  // The optional insurance step (issue 12). The payer is checked here for its
  // shape only; the server also checks it against the active payer list.
  insuranceKind: z.enum(COVERAGE_KINDS, { error: "insuranceKind.invalid" }).nullish(),
  insurancePayer: z.string({ error: "insurancePayer.invalid" }).regex(PAYER_CODE, "insurancePayer.invalid").nullish(),
  insurancePayerOther: optionalText({ max: INSURANCE_LIMITS.payerOther, code: "insurancePayerOther" }),
  insuranceMemberId: memberId,
  insurancePolicyHolder: z.enum(POLICY_HOLDER_ANSWERS, { error: "insurancePolicyHolder.invalid" }).nullish(),
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

type CrossFieldInput = Pick<
  z.output<typeof InquiryFields>,
  | "requesterType"
  | "referrerName"
  | "referrerRelationship"
  | "personAware"
  | "phone"
  | "email"
  | "preferredContactMethod"
  | "okToText"
  | "insuranceKind"
  | "insurancePayer"
  | "insurancePayerOther"
>;

function crossFieldRules(inquiry: CrossFieldInput, ctx: z.RefinementCtx) {
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
  if (inquiry.insurancePayer === OTHER_PAYER && !inquiry.insurancePayerOther && hasInsuranceDetails(inquiry.insuranceKind)) {
    flag("insurancePayerOther", "insurancePayerOther.required");
  }
}

// Answers about a referrer are dropped when people ask for themselves (say,
// after switching back from "someone I care about"), and insurance details
// that do not apply: we keep only what applies.
function keepOnlyWhatApplies<T extends { requesterType: string } & InsuranceAnswers>(inquiry: T): T {
  const forThemselves = inquiry.requesterType === "SELF" ? { ...inquiry, referrerName: undefined, referrerRelationship: undefined, personAware: undefined } : inquiry;
  return withoutInsuranceThatDoesNotApply(forThemselves);
}

// Details count unless the person said "no insurance"; with no kind chosen
// they still count (the kind is then recorded as "not sure").
function hasInsuranceDetails(kind: unknown): boolean {
  return !(typeof kind === "string" && (KINDS_WITHOUT_DETAILS as readonly string[]).includes(kind));
}

type InsuranceAnswers = {
  insuranceKind?: (typeof COVERAGE_KINDS)[number] | null;
  insurancePayer?: string | null;
  insurancePayerOther?: string;
  insuranceMemberId?: string;
  insurancePolicyHolder?: (typeof POLICY_HOLDER_ANSWERS)[number] | null;
};

// "No insurance": nothing else about insurance is kept (say, a member id
// typed before switching to it). Details without a kind: kept, as "not
// sure". An "other" payer's name only with "other".
function withoutInsuranceThatDoesNotApply<T extends InsuranceAnswers>(inquiry: T): T {
  if (!hasInsuranceDetails(inquiry.insuranceKind)) {
    return { ...inquiry, insurancePayer: undefined, insurancePayerOther: undefined, insuranceMemberId: undefined, insurancePolicyHolder: undefined };
  }
  const anyDetail = Boolean(inquiry.insurancePayer || inquiry.insuranceMemberId || inquiry.insurancePolicyHolder);
  const kind = inquiry.insuranceKind ?? (anyDetail ? "UNSURE" : inquiry.insuranceKind);
  return { ...inquiry, insuranceKind: kind, insurancePayerOther: inquiry.insurancePayer === OTHER_PAYER ? inquiry.insurancePayerOther : undefined };
}

export const InquirySchema = InquiryFields.superRefine(crossFieldRules, ANY_OBJECT).transform(keepOnlyWhatApplies);

// An inquiry staff enter for a call, a walk-in or a referral partner (issue
// 12): the same answers under the same rules, plus what only staff record.
// The time of first contact is typed as a time on the clinic's clocks, so the
// schema is made per request with the clinic's zone and the current instant.
// Left empty it is now; later than now or older than
// FIRST_CONTACT_MAX_AGE_DAYS is refused (a typo, not a real call).
export function staffInquirySchema(options: { timeZone: string; now: Date }) {
  const oldest = options.now.getTime() - FIRST_CONTACT_MAX_AGE_DAYS * 86_400_000;
  const receivedAt = z
    .string({ error: "receivedAt.invalid" })
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === "") return options.now;
      const instant = instantFromWallTime(value.trim(), options.timeZone);
      const problem =
        instant === null ? "receivedAt.invalid" : instant > options.now ? "receivedAt.future" : instant.getTime() < oldest ? "receivedAt.tooOld" : null;
      if (problem !== null || instant === null) {
        ctx.addIssue({ code: "custom", message: problem ?? "receivedAt.invalid" });
        return z.NEVER;
      }
      return instant;
    });
  return InquiryFields.extend({
    channel: z.enum(STAFF_ENTRY_CHANNELS, { error: "channel.required" }),
    referringOrganisation: optionalText({ max: LIMITS.referringOrganisation, code: "referringOrganisation" }),
    receivedAt,
  })
    .superRefine(crossFieldRules, ANY_OBJECT)
    .transform(keepOnlyWhatApplies);
}

export type StaffInquiry = z.output<ReturnType<typeof staffInquirySchema>>;

export type InquiryInput = z.input<typeof InquirySchema>;
export type Inquiry = z.output<typeof InquirySchema>;
export type InquiryField = keyof InquiryInput;
