// What the inquiry server action hands back to the form. Shared by the action
// (server) and the form (browser), so it holds only plain, serialisable data.
export type InquiryFormState =
  | { status: "idle" }
  | { status: "received"; referenceCode: string; urgent: boolean }
  | {
      status: "invalid";
      fieldErrors: Record<string, string[]>;
      formErrors: string[];
      values: Record<string, unknown>;
      formToken?: string;
    }
  | { status: "failed"; message: string; values: Record<string, unknown>; formToken?: string };

export const INITIAL_FORM_STATE: InquiryFormState = { status: "idle" };
