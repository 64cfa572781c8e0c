import "server-only";
import { counter, histogram } from "@/lib/metrics/registry";
import type { SubmitInquiryResult } from "@/lib/inquiries/submit-inquiry";

// Public submissions: how many were accepted or refused (by the reason code
// chosen in code, never anything the person typed) and how long the whole
// path took. The outcome "error" is an unexpected failure (database down).
const submissions = counter({
  name: "iop_inquiry_submissions_total",
  help: "Public inquiry submissions by outcome and refusal reason",
  labelNames: ["outcome", "reason"] as const,
});

const latency = histogram({
  name: "iop_inquiry_submission_seconds",
  help: "Time to validate and store a public inquiry submission",
  labelNames: ["outcome"] as const,
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
});

// Which trap a refused submission fell into is counted apart, in
// iop_submissions_refused_total (lib/security/abuse-metrics.ts): the answer
// itself no longer says, so a bot cannot learn it.
function reasonOf(result: SubmitInquiryResult): string {
  return result.ok ? "none" : result.kind;
}

/** Runs one submission and records its outcome and duration. */
export async function observeSubmission(submit: () => Promise<SubmitInquiryResult>): Promise<SubmitInquiryResult> {
  const stopTimer = latency.startTimer();
  try {
    const result = await submit();
    const outcome = result.ok ? "accepted" : "refused";
    submissions.inc({ outcome, reason: reasonOf(result) });
    stopTimer({ outcome });
    return result;
  } catch (error) {
    submissions.inc({ outcome: "error", reason: "unexpected" });
    stopTimer({ outcome: "error" });
    throw error;
  }
}
