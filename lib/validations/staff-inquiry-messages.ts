import { messageFor } from "@/lib/validations/messages";

// The staff form's wording of the inquiry schema's message codes: the public
// form's English words (lib/i18n/messages/en.json), except where those speak
// to the person themselves, and the codes only the staff fields have.
const STAFF_WORDING: Record<string, string> = {
  "channel.required": "Choose how this inquiry arrived.",
  "referringOrganisation.tooLong": "Use 120 characters or fewer.",
  "referringOrganisation.invalid": "This could not be read. Type it again.",
  "receivedAt.invalid": "Enter the date and time of first contact, for example 06/12/2026 09:30.",
  "receivedAt.future": "The time of first contact cannot be later than now.",
  "receivedAt.tooOld": "The time of first contact must be within the last 30 days. Check the date.",
  "consent.required": "Record the person's consent: they must agree, as read to them, before an inquiry is stored.",
  "consentTextVersion.outdated": "The consent wording has changed. Reload this page and read the new wording to the person.",
  "contact.phoneOrEmail": "Enter a phone number or an email address.",
};

export function staffInquiryMessage(code: string): string {
  return STAFF_WORDING[code] ?? messageFor(code, "en");
}
