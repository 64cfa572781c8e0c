import "server-only";
import { getDb } from "@/lib/db/client";
import { findPossibleDuplicates } from "@/lib/triage/duplicates/find-possible-duplicates";
import { recordInquiryAuditEvent } from "@/lib/triage/access/record-inquiry-audit-event";

// For the arrival path: flags a new inquiry as a possible duplicate of the
// most recent earlier inquiry with the same phone or email (open or recent),
// for staff to confirm or dismiss. "Earlier" is by when the row was stored,
// not received: a phone inquiry entered now with a first contact an hour ago
// is still the newcomer next to a web inquiry that arrived in between. Never merges anything. Runs once: an
// inquiry already flagged, confirmed or dismissed is left as it is.
export async function flagPossibleDuplicate(options: { inquiryId: string }): Promise<{ possibleDuplicateOfId: string | null }> {
  return getDb().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Inquiry" WHERE "id" = ${options.inquiryId}::uuid FOR UPDATE`;
    const inquiry = await tx.inquiry.findUnique({ where: { id: options.inquiryId }, select: { id: true, enteredAt: true, duplicateState: true } });
    if (!inquiry || inquiry.duplicateState !== "NONE") return { possibleDuplicateOfId: null };
    const earlier = (await findPossibleDuplicates({ tx, inquiryId: inquiry.id })).find(
      (candidate) => candidate.enteredAt <= inquiry.enteredAt && candidate.duplicateState !== "CONFIRMED",
    );
    if (!earlier) return { possibleDuplicateOfId: null };
    await tx.inquiry.update({ where: { id: inquiry.id }, data: { duplicateState: "FLAGGED", possibleDuplicateOfId: earlier.id } });
    await recordInquiryAuditEvent({ tx, actor: null, action: "inquiry.duplicate_flagged", inquiryId: inquiry.id, metadata: { possibleDuplicateOfId: earlier.id } });
    return { possibleDuplicateOfId: earlier.id };
  });
}
