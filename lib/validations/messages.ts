// English wording of the schema's message codes. Spanish and the i18n library
// come with the public-experience issue; until then this is the one dictionary.
const MESSAGES: Record<string, string> = {
  "requesterType.required": "Tell us who this request is for.",
  "firstName.required": "Enter a first name or a nickname.",
  "firstName.tooLong": "Use 60 characters or fewer.",
  "referrerName.required": "Enter your name.",
  "referrerName.tooLong": "Use 80 characters or fewer.",
  "referrerName.invalid": "This name could not be read. Please type it again.",
  "referrerRelationship.required": "Tell us how you know them, for example: sister, friend, counselor.",
  "referrerRelationship.tooLong": "Use 60 characters or fewer.",
  "referrerRelationship.invalid": "This answer could not be read. Please type it again.",
  "personAware.required": "Tell us whether they know you are reaching out.",
  "phone.invalid": "Enter a phone number we can call, like 555-201-3344, or with a + and country code.",
  "phone.tooLong": "That phone number is too long.",
  "email.invalid": "Enter an email address like name@example.com.",
  "email.tooLong": "That email address is too long.",
  "contact.phoneOrEmail": "Give us a phone number or an email address so we can reach you.",
  "preferredContactMethod.required": "Choose how you would like us to contact you.",
  "preferredContactMethod.needsEmail": "Add an email address, or choose another way to contact you.",
  "preferredContactMethod.needsPhone": "Add a phone number, or choose email.",
  "okToText.requiredForText": "To reach you by text, tick “It is OK to send text messages”.",
  "bestTimes.invalid": "Choose from the times listed.",
  "preferredLanguage.required": "Choose the language you would like us to use.",
  "message.tooLong": "Use 1,000 characters or fewer.",
  "message.invalid": "This message could not be read. Please type it again.",
  "heardAbout.invalid": "Choose one of the options listed.",
  "consent.required": "Please tick the box to let us contact you.",
  "consentTextVersion.outdated": "The consent wording has changed. Please read it again and tick the box.",
  "choice.invalid": "Choose one of the options listed.",
  "text.invalidCharacters": "Remove special or invisible characters.",
};

const FALLBACK = "Check this answer.";

export function messageFor(code: string): string {
  return Object.hasOwn(MESSAGES, code) ? (MESSAGES[code] ?? FALLBACK) : FALLBACK;
}
