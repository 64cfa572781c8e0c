import "server-only";
import { decryptField } from "@/lib/crypto/field-encryption";
import { getKeyring } from "@/lib/crypto/keyring";
import { getDb } from "@/lib/db/client";
import type { CoverageKind, VerificationStatus } from "@/lib/validations/insurance-options";

export type CoverageView = {
  rank: "PRIMARY" | "SECONDARY";
  kind: CoverageKind;
  payerCode: string | null;
  payerLabel: string | null;
  payerOther: string | null;
  memberId: string | null;
  groupNumber: string | null;
  subscriberName: string | null;
  subscriberDob: string | null;
  policyHolder: boolean | null;
};

export type VerificationView = {
  status: VerificationStatus;
  verifiedAt: Date | null;
  verifiedByName: string | null;
  reference: string | null;
  notes: string | null;
  updatedAt: Date;
};

export type InquiryInsurance = {
  coverages: CoverageView[];
  verification: VerificationView | null;
  // Every payer (retired ones marked), for the staff form's list.
  payers: { code: string; label: string; active: boolean }[];
};

// The insurance and verification of one inquiry, decrypted for the detail
// page. Call only after the page's audited read (getInquiryDetail writes
// "inquiry.viewed" for the whole record, insurance included).
export async function readInquiryInsurance(options: { inquiryId: string }): Promise<InquiryInsurance> {
  const db = getDb();
  const keyring = getKeyring();
  const [coverages, verification, payers] = await Promise.all([
    db.inquiryCoverage.findMany({
      where: { inquiryId: options.inquiryId },
      orderBy: { rank: "asc" },
      omit: { payerOtherEnc: false, memberIdEnc: false, groupNumberEnc: false, subscriberNameEnc: false, subscriberDobEnc: false },
    }),
    db.inquiryVerification.findUnique({
      where: { inquiryId: options.inquiryId },
      omit: { referenceEnc: false, notesEnc: false },
      include: { verifiedBy: { select: { name: true } } },
    }),
    db.payer.findMany({ orderBy: [{ position: "asc" }, { label: "asc" }] }),
  ]);
  const labels = new Map(payers.map((payer) => [payer.code, payer.label]));
  const open = (table: string, column: string, id: string, value: string | null) =>
    value === null ? null : decryptField({ keyring, ciphertext: value, context: `${table}.${column}:${id}` });
  return {
    coverages: coverages.map((row) => ({
      rank: row.rank,
      kind: row.kind,
      payerCode: row.payerCode,
      payerLabel: row.payerCode ? (labels.get(row.payerCode) ?? null) : null,
      payerOther: open("InquiryCoverage", "payerOther", row.id, row.payerOtherEnc),
      memberId: open("InquiryCoverage", "memberId", row.id, row.memberIdEnc),
      groupNumber: open("InquiryCoverage", "groupNumber", row.id, row.groupNumberEnc),
      subscriberName: open("InquiryCoverage", "subscriberName", row.id, row.subscriberNameEnc),
      subscriberDob: open("InquiryCoverage", "subscriberDob", row.id, row.subscriberDobEnc),
      policyHolder: row.policyHolder,
    })),
    verification: verification
      ? {
          status: verification.status,
          verifiedAt: verification.verifiedAt,
          verifiedByName: verification.verifiedBy?.name ?? null,
          reference: open("InquiryVerification", "reference", verification.id, verification.referenceEnc),
          notes: open("InquiryVerification", "notes", verification.id, verification.notesEnc),
          updatedAt: verification.updatedAt,
        }
      : null,
    payers: payers.map(({ code, label, active }) => ({ code, label, active })),
  };
}
