// The closed sets of answers the inquiry form offers. Shared by the schema, the
// form components and the data model (see the enums in prisma/schema.prisma).
import { LOCALES } from "@/lib/i18n/locales";

export const REQUESTER_TYPES = ["SELF", "LOVED_ONE", "PROFESSIONAL"] as const;
export const PERSON_AWARE_ANSWERS = ["YES", "NO", "NOT_SURE"] as const;
export const CONTACT_METHODS = ["PHONE", "TEXT", "EMAIL"] as const;
export const BEST_TIMES = ["MORNING", "AFTERNOON", "EVENING"] as const;
// The languages a person may ask us to use: those the public pages exist in.
export const LANGUAGES = LOCALES;
// The built-in "how did you hear about us" answers, worded per locale in the
// messages. The form offers the active ReferralSource rows: these unless an
// admin retired one, plus any an admin added (worded as the admin wrote them).
export const HEARD_ABOUT = [
  "SEARCH",
  "FRIEND_OR_FAMILY",
  "HEALTHCARE_PROVIDER",
  "COUNSELOR_OR_THERAPIST",
  "COURT_OR_PROBATION",
  "EMPLOYER",
  "INSURANCE",
  "SOCIAL_MEDIA",
  "OTHER",
] as const;

// What a referral source code looks like (lib/validations/referral-source.ts
// makes them); whether one is offered is checked against the database.
export const REFERRAL_SOURCE_CODE = /^[A-Z0-9_]{1,32}$/;

// One choice as the form shows it, worded for the page's language.
export type ReferralSourceOption = { code: string; label: string };

export type RequesterType = (typeof REQUESTER_TYPES)[number];

// Bumped whenever the wording of the consent text changes; each ConsentRecord
// stores the version the person actually saw.
export const CONSENT_TEXT_VERSION = "2026-12-06.en-es.1";

export const LIMITS = {
  firstName: 60,
  referringOrganisation: 120,
  referrerName: 80,
  referrerRelationship: 60,
  email: 254,
  phone: 32,
  message: 1000,
} as const;

// How an inquiry reached the clinic (enum InquiryChannel). WEB is the public
// form; staff enter the others (issue 12).
export const INQUIRY_CHANNELS = ["WEB", "PHONE", "WALK_IN", "REFERRAL_FAX", "REFERRAL_EMAIL", "REFERRAL_PORTAL", "OTHER"] as const;
export const STAFF_ENTRY_CHANNELS = ["PHONE", "WALK_IN", "REFERRAL_FAX", "REFERRAL_EMAIL", "REFERRAL_PORTAL", "OTHER"] as const;
export type InquiryChannel = (typeof INQUIRY_CHANNELS)[number];

// A time of first contact staff give may be at most this old: older is a
// typo (a wrong month), not a call nobody entered for weeks.
export const FIRST_CONTACT_MAX_AGE_DAYS = 30;
