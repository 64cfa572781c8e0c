import { validReferralInquiry, validSelfInquiry, type RawInquiry } from "@/__tests__/unit/fixtures/inquiry";
import { InquirySchema } from "@/lib/validations/inquiry";
import { CONTACT_METHODS, LIMITS } from "@/lib/validations/inquiry-options";
import { messageFor } from "@/lib/validations/messages";

const FALLBACK = messageFor("no.such.code.exists");
const FIELDS = Object.keys(InquirySchema.in.shape);

// Values that break one rule or another, put into every field in turn.
const BAD_VALUES: unknown[] = [
  undefined,
  "",
  "   ",
  "NOT_AN_OPTION",
  "abc",
  "x".repeat(LIMITS.message + 1),
  "Sam\u202Eexe",
  "Sam\u0007",
  "Sam\nLee",
  42,
  true,
  false,
  null,
  {},
  [],
  ["NOPE"],
  ["MORNING", "MORNING"],
  ["MORNING", "AFTERNOON", "EVENING", "MORNING"],
];

function contactVariants(base: RawInquiry): RawInquiry[] {
  const variants: RawInquiry[] = [];
  for (const preferredContactMethod of CONTACT_METHODS) {
    for (const phone of [undefined, "", "212-555-0142"]) {
      for (const email of [undefined, "", "sam@example.org"]) {
        for (const okToText of [true, false]) variants.push({ ...base, preferredContactMethod, phone, email, okToText });
      }
    }
  }
  return variants;
}

// Every field-level message code the schema produces, found by running it over
// single-field mutations of valid inquiries and over the contact combinations.
function collectFieldCodes(): Map<string, Set<string>> {
  const bases = [validSelfInquiry(), validReferralInquiry(), validReferralInquiry({ requesterType: "PROFESSIONAL" })];
  const inputs: RawInquiry[] = bases.flatMap(contactVariants);
  for (const base of bases) {
    for (const field of FIELDS) {
      for (const value of BAD_VALUES) {
        const input = { ...base, [field]: value };
        if (value === undefined) delete input[field];
        inputs.push(input);
      }
    }
  }
  const codesByPath = new Map<string, Set<string>>();
  for (const input of inputs) {
    const result = InquirySchema.safeParse(input);
    for (const issue of result.error?.issues ?? []) {
      if (issue.path.length === 0) continue; // whole-form problems get one generic sentence in the UI
      const field = String(issue.path[0]);
      const codes = codesByPath.get(field) ?? new Set<string>();
      codes.add(issue.message);
      codesByPath.set(field, codes);
    }
  }
  return codesByPath;
}

describe("messages for the inquiry schema's codes", () => {
  const codesByPath = collectFieldCodes();
  const allCodes = [...new Set([...codesByPath.values()].flatMap((codes) => [...codes]))].sort();

  it("exercises every field of the schema (so the enumeration below is complete)", () => {
    expect([...codesByPath.keys()].sort()).toEqual([...FIELDS].sort());
    for (const code of ["contact.phoneOrEmail", "preferredContactMethod.needsEmail", "preferredContactMethod.needsPhone", "okToText.requiredForText"]) {
      expect(allCodes).toContain(code);
    }
  });

  it("reports message codes, never Zod's default English, at field level", () => {
    const notCodes = allCodes.filter((code) => !/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/.test(code));
    expect(notCodes).toEqual([]);
  });

  it("has wording for every code the schema can produce", () => {
    const missing = allCodes.filter((code) => messageFor(code) === FALLBACK);
    expect(missing).toEqual([]);
  });
});

describe("messageFor", () => {
  it("falls back to a neutral sentence for an unknown code", () => {
    expect(FALLBACK).toBe("Check this answer.");
    expect(messageFor("")).toBe(FALLBACK);
  });

  it("does not resolve codes through the object prototype", () => {
    expect(messageFor("toString")).toBe(FALLBACK);
    expect(messageFor("constructor")).toBe(FALLBACK);
    expect(messageFor("__proto__")).toBe(FALLBACK);
  });

  it.each([
    ["firstName.tooLong", LIMITS.firstName],
    ["referrerName.tooLong", LIMITS.referrerName],
    ["referrerRelationship.tooLong", LIMITS.referrerRelationship],
    ["message.tooLong", LIMITS.message],
  ])("words %s with the schema's own limit", (code, limit) => {
    expect(messageFor(code)).toContain(limit.toLocaleString("en-US"));
  });
});
