import type { ActionState } from "@/lib/actions/action-state";

// What the "New inquiry" action answers when it does not open the new record:
// the staff area's one action shape, whose refusal keeps the answers as
// posted (strings, lists for repeated fields) in `values`.
export type NewInquiryState = ActionState;
export type NewInquiryAction = (previous: NewInquiryState, form: FormData) => Promise<NewInquiryState>;
