import type { ActionState } from "@/lib/actions/action-state";
import type { BusinessHours, ClosedDates } from "@/lib/triage/clock/business-hours";
import type { InquiryChannel } from "@/lib/validations/inquiry-options";

// What the inbox table needs for one row, as plain JSON (it crosses from the
// server to ticking client cells and to the search results). Operational
// facts only: no name, no contact detail.
export type InboxTableRow = {
  id: string;
  referenceCode: string;
  receivedAt: string;
  receivedExact: string;
  urgent: boolean;
  stage: string;
  open: boolean;
  assigneeName: string | null;
  language: string;
  bestTimes: string[];
  firstContactAt: string | null;
  possibleDuplicate: boolean;
  // Sent while the form asked for a proof of work (a flood was under way).
  underChallenge: boolean;
  // How it arrived (issue 12): the inbox labels all but the web form.
  channel: InquiryChannel;
};

export type ClockSettings = { targetMinutes: number; timeZone: string; hours: BusinessHours; closedDates: ClosedDates };

export type InboxLabels = {
  stages: Record<string, string>;
  clock: ClockSettings;
  serverNowMs: number;
};

// The inbox search's answer: the results and the term searched for (a
// refused search keeps the term as `values.term`).
export type InboxSearchState = ActionState<{ term: string; rows: InboxTableRow[] }>;
export type InboxSearchAction = (previous: InboxSearchState, form: FormData) => Promise<InboxSearchState>;

