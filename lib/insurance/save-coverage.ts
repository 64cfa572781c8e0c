import "server-only";
import { randomUUID } from "node:crypto";
import { encryptField } from "@/lib/crypto/field-encryption";
import { getKeyring } from "@/lib/crypto/keyring";
import { getDb } from "@/lib/db/client";
import { isPayerAccepted } from "@/lib/insurance/is-payer-accepted";
import { assertActiveStaff } from "@/lib/triage/access/assert-active-staff";
import { lockInquiry } from "@/lib/triage/pipeline/lock-inquiry";
import { recordInquiryAuditEvent } from "@/lib/triage/access/record-inquiry-audit-event";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { TriageRefusedError } from "@/lib/triage/access/triage-errors";
import type { CoverageEntry } from "@/lib/validations/insurance-entry";

const SEALED = ["payerOther", "memberId", "groupNumber", "subscriberName", "subscriberDob"] as const;

// Staff enter or correct a coverage (primary or secondary) in full; an entry
// without a kind removes it. Identifying values are encrypted, bound to their
// column and the coverage row (confidentiality rule 2). A payer must be
// active, unless it is the one already recorded (a retired payer stays on the
// records that name it). The audit row says which fields changed, never a value.
export async function saveCoverage(options: { actor: TriageActor; entry: CoverageEntry }): Promise<{ outcome: "saved" | "removed" | "unchanged" }> {
  const { entry, actor } = options;
  const db = getDb();
  return db.$transaction(async (tx) => {
    await assertActiveStaff({ tx, userId: actor.user.id });
    const inquiry = await lockInquiry({ tx, inquiryId: entry.inquiryId });
    const existing = await tx.inquiryCoverage.findUnique({
      where: { inquiryId_rank: { inquiryId: inquiry.id, rank: entry.rank } },
      omit: { payerOtherEnc: false, memberIdEnc: false, groupNumberEnc: false, subscriberNameEnc: false, subscriberDobEnc: false },
    });
    if (!entry.kind) {
      if (!existing) return { outcome: "unchanged" as const };
      await tx.inquiryCoverage.delete({ where: { id: existing.id } });
      await recordInquiryAuditEvent({ tx, actor, action: "inquiry.coverage_removed", inquiryId: inquiry.id, metadata: { rank: entry.rank } });
      return { outcome: "removed" as const };
    }
    if (entry.payerCode !== existing?.payerCode && !(await isPayerAccepted({ db: tx, payerCode: entry.payerCode }))) {
      throw new TriageRefusedError("That payer is no longer listed. Choose another, or “Other” and write its name.", "payerCode");
    }
    const id = existing?.id ?? randomUUID();
    const keyring = getKeyring();
    const sealed = Object.fromEntries(
      SEALED.map((field) => {
        const value = entry[field];
        return [`${field}Enc`, value === undefined ? null : encryptField({ keyring, plaintext: value, context: `InquiryCoverage.${field}:${id}` })];
      }),
    ) as Record<`${(typeof SEALED)[number]}Enc`, string | null>;
    const policyHolder = entry.policyHolder === undefined ? null : entry.policyHolder === "YES";
    const data = { kind: entry.kind, payerCode: entry.payerCode ?? null, policyHolder, recordedById: actor.user.id, ...sealed };
    await tx.inquiryCoverage.upsert({
      where: { id },
      create: { id, inquiryId: inquiry.id, rank: entry.rank, ...data },
      update: data,
    });
    const changed = existing ? changedFields(existing, { ...data }, entry) : ["created"];
    await recordInquiryAuditEvent({ tx, actor, action: "inquiry.coverage_saved", inquiryId: inquiry.id, metadata: { rank: entry.rank, changed } });
    return { outcome: "saved" as const };
  });
}

// Which fields a save touched, by name only. Ciphertext differs on every
// encryption, so a sealed field counts as changed when it was or is now given
// and the plaintext is not compared (it is not read back for an audit row).
function changedFields(
  existing: { kind: string; payerCode: string | null; policyHolder: boolean | null } & Record<string, unknown>,
  data: { kind: string; payerCode: string | null; policyHolder: boolean | null },
  entry: CoverageEntry,
): string[] {
  const changed: string[] = [];
  if (existing.kind !== data.kind) changed.push("kind");
  if (existing.payerCode !== data.payerCode) changed.push("payerCode");
  if (existing.policyHolder !== data.policyHolder) changed.push("policyHolder");
  for (const field of SEALED) if (existing[`${field}Enc`] !== null || entry[field] !== undefined) changed.push(field);
  return changed;
}
