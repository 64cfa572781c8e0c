import "server-only";
import { getDb } from "@/lib/db/client";
import { pickRoundRobinAssignee } from "@/lib/triage/pipeline/pick-round-robin-assignee";
import { recordInquiryAuditEvent } from "@/lib/triage/access/record-inquiry-audit-event";
import { getTriageSettings } from "@/lib/triage/settings/triage-settings";

// Round-robin assignment of a newly arrived inquiry, when the workspace has it
// switched on (TriageSettings.roundRobin). For the arrival path (after the
// inquiry is stored); an inquiry someone already took is left alone. The
// system is the actor in the audit trail.
export async function autoAssignInquiry(options: { inquiryId: string }): Promise<{ assigneeId: string | null }> {
  const settings = await getTriageSettings();
  if (!settings.roundRobin) return { assigneeId: null };
  return getDb().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Inquiry" WHERE "id" = ${options.inquiryId}::uuid FOR UPDATE`;
    const inquiry = await tx.inquiry.findUnique({
      where: { id: options.inquiryId },
      select: { id: true, assigneeId: true, preferredLanguage: true, closedAt: true, anonymisedAt: true },
    });
    if (!inquiry || inquiry.assigneeId || inquiry.closedAt || inquiry.anonymisedAt) return { assigneeId: null };
    const assigneeId = await pickRoundRobinAssignee({ tx, language: inquiry.preferredLanguage });
    if (!assigneeId) return { assigneeId: null };
    const now = new Date();
    await tx.inquiry.update({ where: { id: inquiry.id }, data: { assigneeId, assignedAt: now } });
    await tx.staffProfile.update({ where: { userId: assigneeId }, data: { lastAssignedAt: now } });
    await recordInquiryAuditEvent({
      tx,
      actor: null,
      action: "inquiry.assigned",
      inquiryId: inquiry.id,
      metadata: { assigneeId, roundRobin: true },
    });
    return { assigneeId };
  });
}
