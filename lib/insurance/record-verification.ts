import "server-only";
import { randomUUID } from "node:crypto";
import { encryptField } from "@/lib/crypto/field-encryption";
import { getKeyring } from "@/lib/crypto/keyring";
import { getDb } from "@/lib/db/client";
import { assertActiveStaff } from "@/lib/triage/access/assert-active-staff";
import { lockInquiry } from "@/lib/triage/pipeline/lock-inquiry";
import { recordInquiryAuditEvent } from "@/lib/triage/access/record-inquiry-audit-event";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { VERIFICATION_RESULTS } from "@/lib/validations/insurance-options";
import type { VerificationEntry } from "@/lib/validations/insurance-entry";

// Records the verification of benefits: its status, and the payer's reference
// number and notes (encrypted, bound to their column and row). A result
// (verified active, inactive, needs authorisation, self-pay) is stamped with
// who and when; the stamp stays while the result stays the same and goes if
// the status goes back to not started or in progress. `now` for tests.
export async function recordVerification(options: { actor: TriageActor; entry: VerificationEntry; now?: Date }): Promise<{ statusChanged: boolean }> {
  const { actor, entry } = options;
  const now = options.now ?? new Date();
  return getDb().$transaction(async (tx) => {
    await assertActiveStaff({ tx, userId: actor.user.id });
    const inquiry = await lockInquiry({ tx, inquiryId: entry.inquiryId });
    const existing = await tx.inquiryVerification.findUnique({ where: { inquiryId: inquiry.id }, omit: { referenceEnc: false, notesEnc: false } });
    const id = existing?.id ?? randomUUID();
    const keyring = getKeyring();
    const seal = (column: "reference" | "notes", value: string | undefined) =>
      value === undefined ? null : encryptField({ keyring, plaintext: value, context: `InquiryVerification.${column}:${id}` });
    const isResult = VERIFICATION_RESULTS.includes(entry.status);
    const keepStamp = isResult && existing?.status === entry.status && existing.verifiedAt !== null;
    const data = {
      status: entry.status,
      verifiedAt: isResult ? (keepStamp ? existing.verifiedAt : now) : null,
      verifiedById: isResult ? (keepStamp ? existing.verifiedById : actor.user.id) : null,
      referenceEnc: seal("reference", entry.reference),
      notesEnc: seal("notes", entry.notes),
      updatedById: actor.user.id,
    };
    await tx.inquiryVerification.upsert({ where: { id }, create: { id, inquiryId: inquiry.id, ...data }, update: data });
    const previous = existing?.status ?? "NOT_STARTED";
    const changed = [
      ...(previous !== entry.status ? ["status"] : []),
      ...((existing?.referenceEnc ?? null) !== null || entry.reference !== undefined ? ["reference"] : []),
      ...((existing?.notesEnc ?? null) !== null || entry.notes !== undefined ? ["notes"] : []),
    ];
    await recordInquiryAuditEvent({ tx, actor, action: "inquiry.verification_updated", inquiryId: inquiry.id, metadata: { changed } });
    return { statusChanged: previous !== entry.status };
  });
}
