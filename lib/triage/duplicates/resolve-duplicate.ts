import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { assertActiveStaff } from "@/lib/triage/access/assert-active-staff";
import { findPossibleDuplicates } from "@/lib/triage/duplicates/find-possible-duplicates";
import { lockInquiry, type LockedInquiry } from "@/lib/triage/pipeline/lock-inquiry";
import { recordInquiryAuditEvent } from "@/lib/triage/access/record-inquiry-audit-event";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { TriageRefusedError } from "@/lib/triage/access/triage-errors";

export type DuplicateDecision = { decision: "confirm"; originalId: string } | { decision: "dismiss" };

// A person's decision on a possible duplicate; nothing is ever merged by the
// system. Confirming links this inquiry to the original (which must be one of
// its phone/email matches and not itself a confirmed duplicate) and closes
// it: closedAt is set and its stage is left as it was, so reports do not
// count a duplicate as an admission or an exit; nothing more happens on it
// (no stage changes, no attempts), and both inquiries' timelines record the
// link. The answers stay readable on both. Dismissing records that they are
// different people, and the flag goes away.
export async function resolveDuplicate(options: { actor: TriageActor; inquiryId: string } & DuplicateDecision): Promise<void> {
  await getDb().$transaction(async (tx) => {
    await assertActiveStaff({ tx, userId: options.actor.user.id });
    const inquiry = await lockPair(tx, options.inquiryId, options.decision === "confirm" ? options.originalId : null);
    if (inquiry.duplicateState === "CONFIRMED") throw new TriageRefusedError("This inquiry is already closed as a duplicate.");
    if (inquiry.duplicateState === "DISMISSED") throw new TriageRefusedError("This inquiry was already marked as not a duplicate.");
    const candidates = await findPossibleDuplicates({ tx, inquiryId: inquiry.id });

    if (options.decision === "dismiss") {
      if (inquiry.duplicateState !== "FLAGGED" && candidates.length === 0) throw new TriageRefusedError("There is no possible duplicate to dismiss.");
      await tx.inquiry.update({ where: { id: inquiry.id }, data: { duplicateState: "DISMISSED", possibleDuplicateOfId: null } });
      await recordInquiryAuditEvent({
        tx,
        actor: options.actor,
        action: "inquiry.duplicate_dismissed",
        inquiryId: inquiry.id,
        metadata: { previousState: inquiry.duplicateState, candidateIds: candidates.map((candidate) => candidate.id) },
      });
      return;
    }

    const original = candidates.find((candidate) => candidate.id === options.originalId);
    if (!original) throw new TriageRefusedError("That inquiry does not share a phone number or email address with this one.", "originalId");
    if (original.duplicateState === "CONFIRMED") throw new TriageRefusedError("That inquiry is itself a duplicate; link to its original instead.", "originalId");
    const now = new Date();
    await tx.inquiry.update({
      where: { id: inquiry.id },
      data: { duplicateState: "CONFIRMED", possibleDuplicateOfId: original.id, closedAt: inquiry.closedAt ?? now, nextFollowUpAt: null },
    });
    const link = { previousState: inquiry.duplicateState, samePhone: original.samePhone, sameEmail: original.sameEmail };
    await recordInquiryAuditEvent({ tx, actor: options.actor, action: "inquiry.duplicate_confirmed", inquiryId: inquiry.id, metadata: { originalId: original.id, ...link } });
    await recordInquiryAuditEvent({ tx, actor: options.actor, action: "inquiry.duplicate_linked", inquiryId: original.id, metadata: { duplicateId: inquiry.id } });
  });
}

// Both rows, always in id order, so two people confirming A as a duplicate of
// B and B of A at the same moment wait for each other instead of deadlocking.
async function lockPair(tx: Prisma.TransactionClient, inquiryId: string, originalId: string | null): Promise<LockedInquiry> {
  if (originalId === null || originalId === inquiryId) return lockInquiry({ tx, inquiryId });
  const [first, second] = [inquiryId, originalId].sort();
  const locked = [await lockInquiry({ tx, inquiryId: first ?? inquiryId }), await lockInquiry({ tx, inquiryId: second ?? originalId })];
  const inquiry = locked.find((row) => row.id === inquiryId);
  if (!inquiry) throw new TriageRefusedError("That inquiry does not exist.");
  return inquiry;
}
