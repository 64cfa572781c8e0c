import "server-only";
import { randomUUID } from "node:crypto";
import { encryptField } from "@/lib/crypto/field-encryption";
import { getKeyring } from "@/lib/crypto/keyring";
import type { Inquiry } from "@/lib/validations/inquiry";

export type SealedCoverageAnswers = {
  id: string;
  kind: string | null;
  payerCode: string | null;
  payerOtherEnc: string | null;
  memberIdEnc: string | null;
  policyHolder: boolean | null;
};

// The public form's insurance answers as the columns of a primary
// InquiryCoverage row (issue 12): the payer's free-text name and the member
// id encrypted, bound to their column and this row (confidentiality rule 2).
// kind null: the person skipped the step, and no row is written.
export function encryptCoverageAnswers(inquiry: Inquiry): SealedCoverageAnswers {
  const id = randomUUID();
  const keyring = getKeyring();
  const seal = (column: string, value: string | undefined) =>
    value === undefined ? null : encryptField({ keyring, plaintext: value, context: `InquiryCoverage.${column}:${id}` });
  return {
    id,
    kind: inquiry.insuranceKind ?? null,
    payerCode: inquiry.insurancePayer ?? null,
    payerOtherEnc: seal("payerOther", inquiry.insurancePayerOther),
    memberIdEnc: seal("memberId", inquiry.insuranceMemberId),
    policyHolder: inquiry.insurancePolicyHolder === undefined || inquiry.insurancePolicyHolder === null ? null : inquiry.insurancePolicyHolder === "YES",
  };
}
