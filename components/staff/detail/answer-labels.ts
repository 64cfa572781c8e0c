import type { ConsentSubject, ContactMethod, RequesterType } from "@/lib/db/generated/enums";
import { LOCALE_LIST } from "@/lib/i18n/locales";

// Staff-facing wording of the form's closed answers.
export const REQUESTER_LABELS: Record<RequesterType, string> = {
  SELF: "For themselves",
  LOVED_ONE: "For someone they care about",
  PROFESSIONAL: "As a professional, for a client or patient",
};

export const PERSON_AWARE_LABELS: Record<string, string> = {
  YES: "Yes, the person knows about this request",
  NO: "No, the person does not know about this request",
  NOT_SURE: "Not sure whether the person knows",
};

export const CONTACT_METHOD_LABELS: Record<ContactMethod, string> = { PHONE: "Phone call", TEXT: "Text message", EMAIL: "Email" };

// The same windows the public form offers (lib/i18n/messages/en.json,
// "bestTimes"), in the clinic's time zone. One definition for the detail
// page, the inbox and the "due now" view.
export const BEST_TIME_LABELS: Record<string, string> = { MORNING: "Morning (8–12)", AFTERNOON: "Afternoon (12–5)", EVENING: "Evening (5–8)" };

export const LANGUAGE_LABELS: Record<string, string> = Object.fromEntries(LOCALE_LIST.map((entry) => [entry.code, entry.englishName]));

export const CONSENT_LABELS: Record<ConsentSubject, string> = {
  INTAKE_CONTACT: "Contact about this request",
  CALL: "Phone calls",
  VOICEMAIL: "Voicemail",
  TEXT: "Text messages",
  EMAIL: "Email",
  NAME_PROGRAMME: "Naming the programme",
  EHR_DISCLOSURE: "Disclosure to a treatment provider's record system",
  EHR_REFERRER_DISCLOSURE: "Including the referrer in that disclosure",
};

export const CONSENT_ORDER: ConsentSubject[] = ["VOICEMAIL", "NAME_PROGRAMME", "CALL", "TEXT", "EMAIL", "INTAKE_CONTACT"];
