import fc from "fast-check";
import {
  BEST_TIMES,
  CONSENT_TEXT_VERSION,
  CONTACT_METHODS,
  HEARD_ABOUT,
  LANGUAGES,
  PERSON_AWARE_ANSWERS,
  REQUESTER_TYPES,
} from "@/lib/validations/inquiry-options";

// Well-formed Unicode a person could really type, in the forms that
// normalisation has to handle: surrounding spaces (trimmed), decomposed
// accents (NFC), look-alike letters and invisible joiners (kept as they are).
const tricky = fc.constantFrom("Zеphyrine", "José", "Jose\u0301", "Ǆemal", "ß", "İlkay", "李小龍", "مريم", "👩‍👩‍👧", "O'Brien", "<b>Ann</b>", "x\u200dy", "Robert'); DROP TABLE \"Inquiry\";--");
const wellFormed = (maxLength: number) =>
  fc
    .oneof(fc.string({ unit: "grapheme", minLength: 1, maxLength }), tricky)
    .chain((text) => fc.tuple(fc.constantFrom("", " ", "  "), fc.constant(text), fc.constantFrom("", " ", "\u00a0")))
    .map(([before, text, after]) => `${before}${text}${after}`);
const multiline = fc.array(wellFormed(120), { minLength: 1, maxLength: 6 }).chain((lines) => fc.constantFrom("\n", "\r\n", "\n\n", "\t").map((sep) => lines.join(sep)));

// NANP numbers written the ways people write them, plus international ones.
const phone = fc.oneof(
  fc.tuple(fc.integer({ min: 200, max: 999 }), fc.integer({ min: 200, max: 999 }), fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 4 })).map(([area, exchange, line, style]) => {
    const l = String(line).padStart(4, "0");
    return [`(${area}) ${exchange}-${l}`, `${area}.${exchange}.${l}`, `+1 ${area} ${exchange} ${l}`, `1-${area}-${exchange}-${l}`, ` ${area}${exchange}${l} `][style] ?? "";
  }),
  fc.integer({ min: 2_000_000, max: 9_999_999_999 }).map((n) => `+44 ${n}`),
);

// Addresses of the everyday shape the schema accepts, the first letter upper
// case to show that the stored address is lower-cased.
const email = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9][a-z0-9_.+-]{0,14}[a-z0-9]$/).filter((local) => !local.includes("..")),
    fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/),
    fc.constantFrom("org", "com", "example", "co.uk", "museum"),
  )
  .map(([local, domain, tld]) => `${local}@${domain}.${tld}`.replace(/^./, (first) => first.toUpperCase()));

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

const anyCombination = fc.record(
  {
    requesterType: fc.constantFrom(...REQUESTER_TYPES),
    firstName: wellFormed(20),
    referrerName: optional(wellFormed(25)),
    referrerRelationship: optional(wellFormed(20)),
    personAware: fc.option(fc.constantFrom(...PERSON_AWARE_ANSWERS), { nil: undefined }),
    phone: optional(phone),
    email: optional(email),
    preferredContactMethod: fc.constantFrom(...CONTACT_METHODS),
    bestTimes: fc.subarray([...BEST_TIMES]),
    okToLeaveVoicemail: fc.boolean(),
    okToText: fc.boolean(),
    okToNameProgramme: fc.boolean(),
    preferredLanguage: fc.constantFrom(...LANGUAGES),
    message: optional(multiline),
    heardAbout: optional(fc.constantFrom(...HEARD_ABOUT)),
    inCrisis: fc.boolean(),
    consent: fc.constant(true as const),
    consentTextVersion: fc.constant(CONSENT_TEXT_VERSION),
  },
  { requiredKeys: ["requesterType", "firstName", "preferredContactMethod", "preferredLanguage", "consent", "consentTextVersion"] },
);

type Answers = typeof anyCombination extends fc.Arbitrary<infer T> ? T : never;

// Fills in what the form's cross-field rules require for the choices made
// (a phone for PHONE or TEXT, permission to text, an email for EMAIL, the
// referrer's answers when asking for someone else).
function coherent(answers: Answers, referrer: { name: string; relationship: string }, phoneNumber: string, address: string): Answers {
  const fixed = { ...answers };
  if (fixed.requesterType !== "SELF") {
    fixed.referrerName ??= referrer.name;
    fixed.referrerRelationship ??= referrer.relationship;
    fixed.personAware ??= "NOT_SURE";
  }
  if (fixed.preferredContactMethod !== "EMAIL") fixed.phone ??= phoneNumber;
  if (fixed.preferredContactMethod === "TEXT") fixed.okToText = true;
  if (fixed.preferredContactMethod === "EMAIL") fixed.email ??= address;
  return fixed;
}

/**
 * Inquiries that look valid and mostly are: every field the form has, with
 * text a person could type in any script. One in five keeps whatever
 * combination was drawn, which the schema's cross-field rules may refuse
 * (say, TEXT chosen without a phone): the test expects 422 for those.
 */
export const plausibleInquiry: fc.Arbitrary<Answers> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(anyCombination, wellFormed(20), wellFormed(20), phone).map(([answers, name, relationship, number]) => coherent(answers, { name, relationship }, number, "someone@example.org")) },
  { weight: 1, arbitrary: anyCombination },
);
