import type { ConsentSubject, ContactChannel, ContactOutcome } from "@/lib/db/generated/enums";

// The one-click outcomes a coordinator can log, and the consent each channel
// needs. A voicemail is always the generic message (no programme name, no
// reason for the call), so it has a single outcome: left.
export const CONTACT_ATTEMPT_OPTIONS = [
  { channel: "CALL", outcome: "REACHED", label: "Called: reached" },
  { channel: "CALL", outcome: "NO_ANSWER", label: "Called: no answer" },
  { channel: "CALL", outcome: "WRONG_NUMBER", label: "Called: wrong number" },
  { channel: "VOICEMAIL", outcome: "LEFT_MESSAGE", label: "Voicemail left (generic)" },
  { channel: "TEXT", outcome: "LEFT_MESSAGE", label: "Text sent" },
  { channel: "TEXT", outcome: "REACHED", label: "Text: replied" },
  { channel: "TEXT", outcome: "WRONG_NUMBER", label: "Text: wrong number" },
  { channel: "EMAIL", outcome: "LEFT_MESSAGE", label: "Email sent" },
  { channel: "EMAIL", outcome: "REACHED", label: "Email: replied" },
  { channel: "EMAIL", outcome: "BOUNCED", label: "Email bounced" },
] as const satisfies readonly { channel: ContactChannel; outcome: ContactOutcome; label: string }[];

export const CONSENT_FOR_CHANNEL: Record<ContactChannel, ConsentSubject> = {
  CALL: "CALL",
  VOICEMAIL: "VOICEMAIL",
  TEXT: "TEXT",
  EMAIL: "EMAIL",
};

export function isOfferedAttempt(channel: ContactChannel, outcome: ContactOutcome): boolean {
  return CONTACT_ATTEMPT_OPTIONS.some((option) => option.channel === channel && option.outcome === outcome);
}

export function attemptLabel(channel: ContactChannel, outcome: ContactOutcome): string {
  return CONTACT_ATTEMPT_OPTIONS.find((option) => option.channel === channel && option.outcome === outcome)?.label ?? `${channel} ${outcome}`;
}
