import type { InquiryField } from "@/lib/validations/inquiry";

// Display order of the fields, for the error summary.
export const FIELD_ORDER: readonly InquiryField[] = [
  "requesterType", "inCrisis", "firstName", "referrerName", "referrerRelationship", "personAware",
  "phone", "email", "preferredContactMethod", "bestTimes", "okToLeaveVoicemail", "okToText",
  "okToNameProgramme", "preferredLanguage", "heardAbout", "message", "consent", "consentTextVersion",
];
