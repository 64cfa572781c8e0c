// The consent staff record before an inquiry's record may leave the app for a
// treatment provider's EHR (42 CFR Part 2 § 2.31: a written consent naming the
// recipient). The wording staff read to, or confirm with, the person; each
// record stores this version, like the form's own consents.
export const EHR_DISCLOSURE_CONSENT_VERSION = "ehr-disclosure-2026-12";

export const EHR_DISCLOSURE_CONSENT_TEXT =
  "I agree that this program may send my name, contact details, preferred language, the reason I asked for help and my contact " +
  "preferences to the treatment provider named here, for their record system, so I do not have to repeat them. I can withdraw " +
  "this at any time, except for what has already been sent.";

export const EHR_REFERRER_CONSENT_TEXT = "I also agree that the name of the person who contacted the program for me, and how we are related, may be included.";
