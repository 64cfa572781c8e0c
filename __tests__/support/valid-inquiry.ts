import { CONSENT_TEXT_VERSION } from "@/lib/validations/inquiry-options";
import type { InquiryInput } from "@/lib/validations/inquiry";

// Distinctive personal values, so tests can search stored rows, emails and
// logs for any trace of them.
export function validInquiry(overrides: Partial<InquiryInput> = {}): InquiryInput {
  return {
    requesterType: "LOVED_ONE",
    firstName: "Zephyrine",
    referrerName: "Bartholomew Quill",
    referrerRelationship: "older brother",
    personAware: "NO",
    phone: "(212) 555-0142",
    email: "Zephyrine.Private@example.org",
    preferredContactMethod: "PHONE",
    bestTimes: ["EVENING"],
    okToLeaveVoicemail: false,
    okToText: true,
    okToNameProgramme: false,
    preferredLanguage: "es",
    message: "She has been drinking heavily since the spring and is afraid of withdrawal.",
    heardAbout: "FRIEND_OR_FAMILY",
    inCrisis: false,
    consent: true,
    consentTextVersion: CONSENT_TEXT_VERSION,
    ...overrides,
  };
}

export const PERSONAL_VALUES = [
  "Zephyrine",
  "Bartholomew",
  "Quill",
  "older brother",
  "555-0142",
  "2125550142",
  "zephyrine.private",
  "drinking",
  "withdrawal",
];
