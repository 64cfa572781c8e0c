import { hashForLookup } from "@/lib/crypto/lookup-hash";
import type { Inquiry } from "@/lib/validations/inquiry";
import { CONSENT_TEXT_VERSION } from "@/lib/validations/inquiry-options";
import type { DecryptedInquiry } from "./decrypt-stored-inquiry";

// What the schema promises to do to text before storing it, restated here
// independently: Unicode NFC, trimmed, "" meaning "not given".
function normalisedText(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const text = value.normalize("NFC").trim();
  return text === "" ? null : text;
}

/**
 * Differences between a stored, decrypted inquiry and what the person sent,
 * normalised. `parsed` is the schema's own output (the phone number's E.164
 * form is taken from it); text, email, the referrer rule and the consent
 * records are derived from the raw input here, so a schema that normalised
 * differently from what it documents would show up too.
 */
export function roundTripDifferences(options: {
  input: Record<string, unknown>;
  parsed: Inquiry;
  stored: DecryptedInquiry;
  lookupKey: Buffer;
}): string[] {
  const { input, parsed, stored } = options;
  const forSelf = input.requesterType === "SELF";
  const email = normalisedText(input.email)?.toLowerCase() ?? null;
  const phone = parsed.phone ?? null;
  const hash = (kind: "phone" | "email", value: string | null) => (value === null ? null : hashForLookup({ key: options.lookupKey, kind, value }));
  const expected: Record<string, unknown> = {
    "firstName (decrypted)": normalisedText(input.firstName),
    "referrerName (decrypted)": forSelf ? null : normalisedText(input.referrerName),
    "referrerRelationship (decrypted)": forSelf ? null : normalisedText(input.referrerRelationship),
    "personAware (decrypted)": forSelf ? null : (input.personAware ?? null),
    "phone (decrypted)": phone,
    "email (decrypted)": email,
    "message (decrypted)": normalisedText(input.message),
    phoneHash: hash("phone", phone),
    emailHash: hash("email", email),
    requesterType: input.requesterType,
    urgency: input.inCrisis === true ? "URGENT" : "ROUTINE",
    preferredContactMethod: input.preferredContactMethod,
    preferredLanguage: input.preferredLanguage,
    bestTimes: input.bestTimes ?? [],
    heardAbout: input.heardAbout ?? null,
    locale: "en",
    consents: {
      INTAKE_CONTACT: { granted: true, consentTextVersion: CONSENT_TEXT_VERSION },
      CALL: { granted: phone !== null, consentTextVersion: CONSENT_TEXT_VERSION },
      VOICEMAIL: { granted: input.okToLeaveVoicemail === true, consentTextVersion: CONSENT_TEXT_VERSION },
      TEXT: { granted: input.okToText === true, consentTextVersion: CONSENT_TEXT_VERSION },
      EMAIL: { granted: email !== null, consentTextVersion: CONSENT_TEXT_VERSION },
      NAME_PROGRAMME: { granted: input.okToNameProgramme === true, consentTextVersion: CONSENT_TEXT_VERSION },
    },
  };
  const actual: Record<string, unknown> = {
    ...Object.fromEntries(Object.entries(stored.plain).map(([field, value]) => [`${field} (decrypted)`, value])),
    ...Object.fromEntries(["phoneHash", "emailHash", "requesterType", "urgency", "preferredContactMethod", "preferredLanguage", "bestTimes", "heardAbout", "locale"].map((column) => [column, stored.columns[column]])),
    consents: stored.consents,
  };
  return Object.keys(expected)
    .filter((key) => JSON.stringify(actual[key]) !== JSON.stringify(expected[key]))
    .map((key) => `${key}: stored ${JSON.stringify(actual[key])}, expected ${JSON.stringify(expected[key])}`);
}
