import type { InquiryInput } from "@/lib/validations/inquiry";
import { CONSENT_TEXT_VERSION } from "@/lib/validations/inquiry-options";

// A counter shared by every load phase of one run: each request's phone number
// is different, so each request's answers (and so its idempotency key) are
// new and each one stores a new inquiry.
let sequence = 0;

/**
 * A valid NANP number: area code 212, exchange 5xx (a valid exchange, 2-9
 * first), so +1 212 5AB CDEF gives a million different numbers.
 */
function nextPhone(): string {
  const n = sequence++ % 1_000_000;
  return `+1 212 5${String(n % 100).padStart(2, "0")} ${String(Math.floor(n / 100)).padStart(4, "0")}`;
}

/** Realistic answers for a person asking for themselves, with a new phone number. */
export function makeInquiry(): InquiryInput {
  return {
    requesterType: "SELF",
    inCrisis: false,
    firstName: "Benchmark",
    phone: nextPhone(),
    email: "bench.person@example.net",
    preferredContactMethod: "PHONE",
    bestTimes: ["MORNING", "EVENING"],
    okToLeaveVoicemail: true,
    okToText: false,
    okToNameProgramme: false,
    preferredLanguage: "en",
    message: "I would like to know about evening groups and whether my insurance covers the programme. Mornings are hard for me because of work.",
    heardAbout: "SEARCH",
    consent: true,
    consentTextVersion: CONSENT_TEXT_VERSION,
  };
}

/** The body of POST /api/v1/inquiries for a fresh inquiry. */
export function makeSubmissionBody(formToken: string): string {
  return JSON.stringify({ formToken, inquiry: makeInquiry() });
}

/** How many submission bodies have been made so far in this run. */
export function submissionsMade(): number {
  return sequence;
}
