import { TriageRefusedError } from "@/lib/triage/access/triage-errors";

const LATEST_DAYS = 366;
// A follow-up "now" typed a minute ago is still fine.
const GRACE_MS = 5 * 60_000;

// A follow-up is a call-back to make: in the future, and within a year.
export function checkFollowUpTime(options: { at: Date | null; now: Date }): void {
  if (options.at === null) return;
  const at = options.at.getTime();
  if (Number.isNaN(at)) throw new TriageRefusedError("Enter a date and time for the follow-up.", "nextFollowUpAt");
  if (at < options.now.getTime() - GRACE_MS) throw new TriageRefusedError("The follow-up must be in the future.", "nextFollowUpAt");
  if (at > options.now.getTime() + LATEST_DAYS * 86_400_000) throw new TriageRefusedError("Schedule the follow-up within the next year.", "nextFollowUpAt");
}
