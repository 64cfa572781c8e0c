// What the inquiry server action hands back to the form. Shared by the action
// (server) and the form (browser), so it holds only plain, serialisable data.
// Failures are reasons, not sentences: the form words them in its language.
// "refused" is every trap at once (honeypot, token too young, too old or
// already spent): the form cannot tell them apart, so neither can a script.
export type FailureReason = "refused" | "unavailable";

// An ALTCHA challenge as issued by the server (altcha-lib v1's Challenge).
export type ProofOfWorkChallenge = { algorithm: string; challenge: string; maxnumber?: number; salt: string; signature: string };

export type InquiryFormState =
  | { status: "idle" }
  | { status: "received"; referenceCode: string; urgent: boolean }
  | {
      status: "invalid";
      fieldErrors: Record<string, string[]>;
      formErrors: string[];
      values: Record<string, unknown>;
    }
  | { status: "challenge"; challenge: ProofOfWorkChallenge; values: Record<string, unknown> }
  | { status: "failed"; reason: FailureReason; values: Record<string, unknown>; formToken?: string };

export const INITIAL_FORM_STATE: InquiryFormState = { status: "idle" };
