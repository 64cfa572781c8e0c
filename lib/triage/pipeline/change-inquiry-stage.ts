import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { InquiryStatus } from "@/lib/db/generated/enums";
import { assertActiveStaff } from "@/lib/triage/access/assert-active-staff";
import { isUuid } from "@/lib/triage/access/is-uuid";
import { lockInquiry } from "@/lib/triage/pipeline/lock-inquiry";
import { checkTransition, isExitStage, type TransitionKind } from "@/lib/triage/pipeline/pipeline-transitions";
import { recordInquiryAuditEvent } from "@/lib/triage/access/record-inquiry-audit-event";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { TriageRefusedError } from "@/lib/triage/access/triage-errors";
import { enqueueWebhookEvent } from "@/lib/webhooks/enqueue-webhook-event";

// Moves an inquiry to another stage if pipeline-transitions allows it, with
// its audit row in the same transaction. `expectedStage` is the stage the
// coordinator was looking at: if someone else moved the inquiry meanwhile,
// the click is refused instead of applied to a state nobody saw.
export async function changeInquiryStage(options: {
  actor: TriageActor;
  inquiryId: string;
  to: InquiryStatus;
  exitReasonId?: string | null;
  expectedStage?: InquiryStatus;
}): Promise<{ kind: TransitionKind }> {
  return getDb().$transaction(async (tx) => {
    const { role } = await assertActiveStaff({ tx, userId: options.actor.user.id });
    const inquiry = await lockInquiry({ tx, inquiryId: options.inquiryId });
    if (options.expectedStage && options.expectedStage !== inquiry.status) {
      throw new TriageRefusedError("Someone else changed this inquiry's stage a moment ago. Check the page and try again.");
    }
    const check = checkTransition({ from: inquiry.status, to: options.to, role, closedAsDuplicate: inquiry.duplicateState === "CONFIRMED" });
    if (!check.ok) throw new TriageRefusedError(check.reason, "to");
    const exitReasonId = isExitStage(options.to) ? await checkExitReason(tx, options.to, options.exitReasonId) : null;

    const now = new Date();
    const closes = check.kind === "exit" || options.to === "ADMITTED";
    const reached = options.to === "REACHED" || options.to === "SCREENING_SCHEDULED" || options.to === "ADMITTED";
    await tx.inquiry.update({
      where: { id: inquiry.id },
      data: {
        status: options.to,
        stageChangedAt: now,
        closedAt: closes ? now : null,
        exitReasonId,
        // Closed inquiries are not called back.
        ...(closes ? { nextFollowUpAt: null } : {}),
        // Reaching someone outside a logged attempt (they called us) is still
        // the first contact; the response clock stops there.
        ...(reached && !inquiry.firstContactAt ? { firstContactAt: now } : {}),
        // The count is of unsuccessful attempts since the last contact or
        // decision: reaching the person, or reopening, starts it again.
        ...(reached || check.kind === "reopen" ? { unsuccessfulAttempts: 0 } : {}),
      },
    });
    await recordInquiryAuditEvent({
      tx,
      actor: options.actor,
      action: "inquiry.stage_changed",
      inquiryId: inquiry.id,
      metadata: { from: inquiry.status, to: options.to, kind: check.kind, ...(exitReasonId ? { exitReasonId } : {}) },
    });
    const stages = { stage: options.to, previousStage: inquiry.status };
    await enqueueWebhookEvent({ tx, inquiryId: inquiry.id, event: "inquiry.stage_changed", eventData: stages });
    if (options.to === "ADMITTED") await enqueueWebhookEvent({ tx, inquiryId: inquiry.id, event: "inquiry.admitted", eventData: stages });
    return { kind: check.kind };
  });
}

async function checkExitReason(tx: Prisma.TransactionClient, stage: InquiryStatus, exitReasonId: string | null | undefined): Promise<string> {
  if (!exitReasonId) throw new TriageRefusedError("Choose a reason for closing the inquiry.", "exitReasonId");
  if (!isUuid(exitReasonId)) throw new TriageRefusedError("Choose one of the reasons listed for that outcome.", "exitReasonId");
  const reason = await tx.exitReason.findFirst({ where: { id: exitReasonId, stage, active: true }, select: { id: true } });
  if (!reason) throw new TriageRefusedError("Choose one of the reasons listed for that outcome.", "exitReasonId");
  return reason.id;
}
