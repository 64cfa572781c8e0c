import { z } from "zod";
import { COVERAGE_KINDS, INSURANCE_LIMITS, OTHER_PAYER, PAYER_CODE, VERIFICATION_STATUSES } from "@/lib/validations/insurance-options";

// Staff forms on the inquiry detail page (issue 12): a coverage (primary or
// secondary) and the verification of benefits. Staff messages are English
// sentences, as elsewhere in the staff area. Empty fields arrive as "" and
// mean "not given".
const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const inquiryId = z.uuid("Unknown inquiry.");

// Letters, digits, spaces and dashes: member ids and group numbers on US cards.
const cardText = (max: number, label: string) =>
  z
    .preprocess(
      (value) => (typeof value === "string" ? value.normalize("NFC").trim() : value),
      z.string().max(max, `Keep the ${label} under ${max + 1} characters.`).regex(/^[A-Za-z0-9 -]*$/, `Use only letters, digits, spaces and dashes in the ${label}.`),
    )
    .transform((v) => (v === "" ? undefined : v))
    .optional();

const personText = (max: number, label: string) =>
  z
    .preprocess(
      (value) => (typeof value === "string" ? value.normalize("NFC").trim() : value),
      z
        .string()
        .max(max, `Keep the ${label} under ${max + 1} characters.`)
        .refine((v) => !/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/.test(v), `Remove special or invisible characters from the ${label}.`),
    )
    .transform((v) => (v === "" ? undefined : v))
    .optional();

const dateOfBirth = optional(
  z.iso.date("Enter the date of birth as a date.").refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return date.getTime() <= Date.now() && date.getUTCFullYear() >= 1900;
  }, "Enter a date of birth in the past."),
);

export const CoverageEntrySchema = z
  .object({
    inquiryId,
    rank: z.enum(["PRIMARY", "SECONDARY"], { error: "Unknown coverage." }),
    // "" removes the coverage.
    kind: optional(z.enum(COVERAGE_KINDS, { error: "Choose the kind of coverage." })),
    payerCode: optional(z.string().regex(PAYER_CODE, "Choose a payer from the list.")),
    payerOther: personText(INSURANCE_LIMITS.payerOther, "payer's name"),
    memberId: cardText(INSURANCE_LIMITS.memberId, "member ID"),
    groupNumber: cardText(INSURANCE_LIMITS.groupNumber, "group number"),
    subscriberName: personText(INSURANCE_LIMITS.subscriberName, "subscriber's name"),
    subscriberDob: dateOfBirth,
    policyHolder: optional(z.enum(["YES", "NO"], { error: "Choose yes or no." })),
  })
  .superRefine((entry, ctx) => {
    if (entry.payerCode === OTHER_PAYER && !entry.payerOther) ctx.addIssue({ code: "custom", path: ["payerOther"], message: "Write the payer's name." });
  })
  .transform((entry) => (entry.payerCode === OTHER_PAYER ? entry : { ...entry, payerOther: undefined }));

export type CoverageEntry = z.output<typeof CoverageEntrySchema>;

export const VerificationEntrySchema = z.object({
  inquiryId,
  status: z.enum(VERIFICATION_STATUSES, { error: "Choose a verification status." }),
  reference: personText(INSURANCE_LIMITS.reference, "reference number"),
  notes: z
    .preprocess(
      (value) => (typeof value === "string" ? value.normalize("NFC").trim() : value),
      z.string().max(INSURANCE_LIMITS.notes, `Keep the notes under ${INSURANCE_LIMITS.notes + 1} characters.`),
    )
    .transform((v) => (v === "" ? undefined : v))
    .optional(),
});

export type VerificationEntry = z.output<typeof VerificationEntrySchema>;
