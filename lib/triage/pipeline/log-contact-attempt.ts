import "server-only";
import { getDb } from "@/lib/db/client";
import type { ContactChannel, ContactOutcome, InquiryStatus } from "@/lib/db/generated/enums";
import { assertActiveStaff } from "@/lib/triage/access/assert-active-staff";
import { CONSENT_FOR_CHANNEL, isOfferedAttempt } from "@/lib/triage/pipeline/contact-attempt-options";
import { checkFollowUpTime } from "@/lib/triage/pipeline/check-follow-up-time";
import { isDecisionDue } from "@/lib/triage/pipeline/is-decision-due";
import { lockInquiry } from "@/lib/triage/pipeline/lock-inquiry";
import { isClosedStage } from "@/lib/triage/pipeline/pipeline-transitions";
import { readCurrentConsents } from "@/lib/triage/record/read-current-consents";
import { recordInquiryAuditEvent } from "@/lib/triage/access/record-inquiry-audit-event";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { TriageRefusedError } from "@/lib/triage/access/triage-errors";
import { getTriageSettings } from "@/lib/triage/settings/triage-settings";

const REFUSED_CHANNEL: Record<ContactChannel, string> = {
  CALL: "The person did not give a phone number to call.",
  VOICEMAIL: "The person did not agree to voicemail. Do not leave one.",
  TEXT: "The person did not agree to text messages.",
  EMAIL: "The person did not give an email address.",
};

// One logged attempt, and what follows from it, in one transaction:
// - refused on a channel the person has not consented to (no voicemail when
//   they said no voicemail), and on a closed inquiry (reopen it first);
// - the first attempt sets firstContactAt (the response clock stops: someone
//   acted), every attempt sets lastAttemptAt and the next follow-up (none
//   given: none scheduled);
// - an unsuccessful outcome adds to unsuccessfulAttempts, reaching the person
//   starts that count again;
// - the stage follows: New → Contact attempted on an unsuccessful attempt,
//   New or Contact attempted → Reached when the person is reached (its own
//   audited stage change, marked automatic).
export async function logContactAttempt(options: {
  actor: TriageActor;
  inquiryId: string;
  channel: ContactChannel;
  outcome: ContactOutcome;
  nextFollowUpAt: Date | null;
}): Promise<{ attemptId: string; status: InquiryStatus; decisionDue: boolean }> {
  if (!isOfferedAttempt(options.channel, options.outcome)) throw new TriageRefusedError("That outcome does not apply to that kind of contact.");
  const settings = await getTriageSettings();
  return getDb().$transaction(async (tx) => {
    await assertActiveStaff({ tx, userId: options.actor.user.id });
    const inquiry = await lockInquiry({ tx, inquiryId: options.inquiryId });
    if (isClosedStage(inquiry.status) || inquiry.duplicateState === "CONFIRMED") {
      throw new TriageRefusedError("This inquiry is closed. Reopen it before logging contact.");
    }
    const consents = await readCurrentConsents({ tx, inquiryId: inquiry.id });
    if (consents.current.get(CONSENT_FOR_CHANNEL[options.channel])?.granted !== true) throw new TriageRefusedError(REFUSED_CHANNEL[options.channel]);
    const now = new Date();
    checkFollowUpTime({ at: options.nextFollowUpAt, now });

    const reached = options.outcome === "REACHED";
    const status = stageAfterAttempt(inquiry.status, reached);
    const unsuccessfulAttempts = reached ? 0 : inquiry.unsuccessfulAttempts + 1;
    const attempt = await tx.contactAttempt.create({
      data: {
        inquiryId: inquiry.id,
        staffUserId: options.actor.user.id,
        channel: options.channel,
        outcome: options.outcome,
        attemptedAt: now,
        nextFollowUpAt: options.nextFollowUpAt,
      },
      select: { id: true },
    });
    await tx.inquiry.update({
      where: { id: inquiry.id },
      data: {
        firstContactAt: inquiry.firstContactAt ?? now,
        lastAttemptAt: now,
        unsuccessfulAttempts,
        nextFollowUpAt: options.nextFollowUpAt,
        ...(status !== inquiry.status ? { status, stageChangedAt: now } : {}),
      },
    });
    await recordInquiryAuditEvent({
      tx,
      actor: options.actor,
      action: "inquiry.contact_attempt_logged",
      inquiryId: inquiry.id,
      metadata: {
        attemptId: attempt.id,
        channel: options.channel,
        outcome: options.outcome,
        unsuccessfulAttempts,
        followUpScheduled: options.nextFollowUpAt !== null,
      },
    });
    if (status !== inquiry.status) {
      await recordInquiryAuditEvent({
        tx,
        actor: options.actor,
        action: "inquiry.stage_changed",
        inquiryId: inquiry.id,
        metadata: { from: inquiry.status, to: status, kind: "advance", automatic: true, attemptId: attempt.id },
      });
    }
    return { attemptId: attempt.id, status, decisionDue: isDecisionDue({ status, unsuccessfulAttempts, attemptsBeforeDecision: settings.attemptsBeforeDecision }) };
  });
}

function stageAfterAttempt(status: InquiryStatus, reached: boolean): InquiryStatus {
  if (reached) return status === "NEW" || status === "CONTACT_ATTEMPTED" ? "REACHED" : status;
  return status === "NEW" ? "CONTACT_ATTEMPTED" : status;
}
