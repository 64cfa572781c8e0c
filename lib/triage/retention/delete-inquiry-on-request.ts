import "server-only";
import { getDb } from "@/lib/db/client";
import type { InquiryStatus } from "@/lib/db/generated/enums";
import { anonymiseInquiries } from "@/lib/triage/retention/anonymise-inquiries";
import { assertAdmin } from "@/lib/triage/access/assert-admin";
import { isOpenStage } from "@/lib/triage/pipeline/pipeline-transitions";
import { recordAdminAuditEvent } from "@/lib/triage/access/record-admin-audit-event";
import { RetentionRefusedError } from "@/lib/triage/retention/retention-refused-error";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import type { DELETION_CATEGORIES } from "@/lib/validations/admin-reason-categories";

// The person (or someone entitled to act for them) asked for their data to be
// deleted. Done at once, whatever the stage, by the same irreversible
// anonymisation as the retention purge: everything personal is gone, the
// operational facts stay so figures already reported do not change. A record
// on legal hold is refused until the hold is lifted. An open inquiry is
// closed as "Withdrew": nobody can contact a person whose details are gone.
// The reason is a category: free text about the request would outlive the
// details it is about.
export async function deleteInquiryOnRequest(options: {
  admin: TriageActor;
  referenceCode: string;
  category: keyof typeof DELETION_CATEGORIES;
}): Promise<void> {
  await getDb().$transaction(async (tx) => {
    await assertAdmin({ tx, userId: options.admin.user.id });
    const [row] = await tx.$queryRaw<{ id: string; status: InquiryStatus; legalHold: boolean; anonymisedAt: Date | null }[]>`
      SELECT "id"::text AS "id", "status"::text AS "status", "legalHold", "anonymisedAt"
      FROM "Inquiry" WHERE "referenceCode" = ${options.referenceCode} FOR UPDATE`;
    if (!row) throw new RetentionRefusedError("No inquiry has that reference code.");
    if (row.legalHold) throw new RetentionRefusedError("That inquiry is on legal hold. Lift the hold first if the deletion is lawful.");
    if (row.anonymisedAt) throw new RetentionRefusedError("That inquiry's personal details were already deleted.");
    const counts = await anonymiseInquiries({ tx, inquiryIds: [row.id] });
    const closing = isOpenStage(row.status);
    if (closing) {
      const now = new Date();
      await tx.inquiry.update({ where: { id: row.id }, data: { status: "WITHDREW", stageChangedAt: now, closedAt: now, nextFollowUpAt: null } });
    }
    await recordAdminAuditEvent({
      tx,
      actor: options.admin,
      action: "inquiry.deleted_on_request",
      inquiryId: row.id,
      metadata: { category: options.category, notes: counts.notes, noteVersions: counts.noteVersions, ...(closing ? { from: row.status, to: "WITHDREW" } : {}) },
    });
  });
}
