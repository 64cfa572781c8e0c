import "server-only";
import { getDb } from "@/lib/db/client";
import { assertActiveStaff } from "@/lib/triage/access/assert-active-staff";
import { checkFollowUpTime } from "@/lib/triage/pipeline/check-follow-up-time";
import { isDecisionDue } from "@/lib/triage/pipeline/is-decision-due";
import { lockInquiry } from "@/lib/triage/pipeline/lock-inquiry";
import { recordInquiryAuditEvent } from "@/lib/triage/access/record-inquiry-audit-event";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { TriageRefusedError } from "@/lib/triage/access/triage-errors";
import { getTriageSettings } from "@/lib/triage/settings/triage-settings";

// The "keep trying" answer to the decision the detail page asks for after
// too many unsuccessful attempts (the other answer is closing the inquiry,
// a stage change). Recorded, and the count starts again, so the question
// comes back after another round of attempts rather than never.
export async function continueContactAttempts(options: {
  actor: TriageActor;
  inquiryId: string;
  nextFollowUpAt: Date | null;
}): Promise<void> {
  const settings = await getTriageSettings();
  await getDb().$transaction(async (tx) => {
    await assertActiveStaff({ tx, userId: options.actor.user.id });
    const inquiry = await lockInquiry({ tx, inquiryId: options.inquiryId });
    const due = isDecisionDue({ status: inquiry.status, unsuccessfulAttempts: inquiry.unsuccessfulAttempts, attemptsBeforeDecision: settings.attemptsBeforeDecision });
    if (!due || inquiry.duplicateState === "CONFIRMED") throw new TriageRefusedError("No decision is needed on this inquiry right now.");
    checkFollowUpTime({ at: options.nextFollowUpAt, now: new Date() });
    await tx.inquiry.update({
      where: { id: inquiry.id },
      data: { unsuccessfulAttempts: 0, ...(options.nextFollowUpAt ? { nextFollowUpAt: options.nextFollowUpAt } : {}) },
    });
    await recordInquiryAuditEvent({
      tx,
      actor: options.actor,
      action: "inquiry.attempts_continued",
      inquiryId: inquiry.id,
      metadata: { unsuccessfulAttempts: inquiry.unsuccessfulAttempts, followUpScheduled: options.nextFollowUpAt !== null },
    });
  });
}
