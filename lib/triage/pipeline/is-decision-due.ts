import type { InquiryStatus } from "@/lib/db/generated/enums";

// After `attemptsBeforeDecision` unsuccessful attempts in a row (since the
// last contact or decision) on an inquiry nobody has reached, the detail page
// asks the coordinator to decide: close it (for instance as Unreachable) or
// keep trying, which is recorded and starts the count again.
export function isDecisionDue(options: { status: InquiryStatus; unsuccessfulAttempts: number; attemptsBeforeDecision: number }): boolean {
  const unreached = options.status === "NEW" || options.status === "CONTACT_ATTEMPTED";
  return unreached && options.unsuccessfulAttempts >= options.attemptsBeforeDecision;
}
