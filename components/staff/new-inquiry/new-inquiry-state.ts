// What the "New inquiry" action answers when it does not open the new record:
// the answers as posted (to fill the form in again), English messages per
// field, and a message for the whole form. null: nothing posted yet.
export type NewInquiryState = {
  values: Record<string, string | string[]>;
  fieldErrors: Record<string, string[]>;
  formError: string | null;
} | null;
