import "server-only";
import { getDb } from "@/lib/db/client";
import { assertActiveStaff } from "@/lib/triage/access/assert-active-staff";
import { lockInquiry } from "@/lib/triage/pipeline/lock-inquiry";
import { recordInquiryAuditEvent } from "@/lib/triage/access/record-inquiry-audit-event";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { StaffNotActiveError, TriageRefusedError } from "@/lib/triage/access/triage-errors";

// Assigns an inquiry to a staff member (`assigneeId` = the actor's own id is
// "assign to me"), or unassigns it (`assigneeId: null`). Only an active
// account can be given work. Assigning what is already so writes nothing.
// Any assignment, manual or automatic, moves the assignee to the back of the
// round-robin queue (StaffProfile.lastAssignedAt).
export async function assignInquiry(options: {
  actor: TriageActor;
  inquiryId: string;
  assigneeId: string | null;
}): Promise<{ changed: boolean }> {
  return getDb().$transaction(async (tx) => {
    await assertActiveStaff({ tx, userId: options.actor.user.id });
    const inquiry = await lockInquiry({ tx, inquiryId: options.inquiryId });
    const { assigneeId } = options;
    if (assigneeId !== null) {
      try {
        await assertActiveStaff({ tx, userId: assigneeId });
      } catch (error) {
        if (error instanceof StaffNotActiveError) throw new TriageRefusedError("That person cannot be assigned work.", "assigneeId");
        throw error;
      }
    }
    if (inquiry.assigneeId === assigneeId) return { changed: false };

    const now = new Date();
    await tx.inquiry.update({ where: { id: inquiry.id }, data: { assigneeId, assignedAt: assigneeId ? now : null } });
    if (assigneeId) {
      await tx.staffProfile.upsert({
        where: { userId: assigneeId },
        create: { userId: assigneeId, languages: [], lastAssignedAt: now },
        update: { lastAssignedAt: now },
      });
    }
    await recordInquiryAuditEvent({
      tx,
      actor: options.actor,
      action: assigneeId ? "inquiry.assigned" : "inquiry.unassigned",
      inquiryId: inquiry.id,
      metadata: {
        ...(assigneeId ? { assigneeId, self: assigneeId === options.actor.user.id } : {}),
        previousAssigneeId: inquiry.assigneeId,
      },
    });
    return { changed: true };
  });
}
