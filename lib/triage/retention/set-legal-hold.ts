import "server-only";
import { getDb } from "@/lib/db/client";
import { assertAdmin } from "@/lib/triage/access/assert-admin";
import { recordAdminAuditEvent } from "@/lib/triage/access/record-admin-audit-event";
import { recordAdminReasonNote } from "@/lib/triage/retention/record-admin-reason-note";
import { RetentionRefusedError } from "@/lib/triage/retention/retention-refused-error";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import type { LEGAL_HOLD_CATEGORIES } from "@/lib/validations/admin-reason-categories";

// A legal hold keeps an inquiry out of the retention purge and out of
// deletion on request until it is lifted. Placing and lifting both need a
// reason: its category goes in the audit trail, the case or request reference
// (free text) into an encrypted note that goes with the record's details.
export async function setLegalHold(options: {
  admin: TriageActor;
  referenceCode: string;
  hold: boolean;
  category: keyof typeof LEGAL_HOLD_CATEGORIES;
  reason: string;
}): Promise<void> {
  await getDb().$transaction(async (tx) => {
    await assertAdmin({ tx, userId: options.admin.user.id });
    const [row] = await tx.$queryRaw<{ id: string; legalHold: boolean; anonymisedAt: Date | null }[]>`
      SELECT "id"::text AS "id", "legalHold", "anonymisedAt" FROM "Inquiry" WHERE "referenceCode" = ${options.referenceCode} FOR UPDATE`;
    if (!row) throw new RetentionRefusedError("No inquiry has that reference code.");
    if (row.anonymisedAt) throw new RetentionRefusedError("That inquiry has already been anonymised; there is nothing left to hold.");
    if (row.legalHold === options.hold) return;
    await tx.inquiry.update({ where: { id: row.id }, data: { legalHold: options.hold } });
    const action = options.hold ? "inquiry.legal_hold.placed" : "inquiry.legal_hold.lifted";
    const noteId = await recordAdminReasonNote({ tx, inquiryId: row.id, action, text: options.reason });
    await recordAdminAuditEvent({ tx, actor: options.admin, action, inquiryId: row.id, metadata: { category: options.category, noteId } });
  });
}
