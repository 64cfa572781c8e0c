// What the inquiry server action hands back to the form. Shared by the action
// (server) and the form (browser), so it holds only plain, serialisable data.
// Failures are reasons, not sentences: the form words them in its language.
export type FailureReason = "rateLimited" | "tooFast" | "expired" | "refused" | "unavailable";

export type InquiryFormState =
  | { status: "idle" }
  | { status: "received"; referenceCode: string; urgent: boolean }
  | {
      status: "invalid";
      fieldErrors: Record<string, string[]>;
      formErrors: string[];
      values: Record<string, unknown>;
    }
  | { status: "failed"; reason: FailureReason; retryAfterMinutes?: number; values: Record<string, unknown>; formToken?: string };

export const INITIAL_FORM_STATE: InquiryFormState = { status: "idle" };
