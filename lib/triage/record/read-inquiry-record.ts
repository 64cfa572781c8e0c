import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { decryptInquiryAnswers, type InquiryAnswers } from "@/lib/triage/record/decrypt-inquiry-answers";
import { InquiryNotFoundError } from "@/lib/triage/access/triage-errors";

// Ciphertext columns are omitted by default (lib/db/client.ts); this is the
// one place that asks for them, inside the audited detail read.
const RECORD = {
  id: true,
  referenceCode: true,
  status: true,
  urgency: true,
  requesterType: true,
  locale: true,
  preferredLanguage: true,
  preferredContactMethod: true,
  bestTimes: true,
  heardAbout: true,
  createdAt: true,
  assigneeId: true,
  assignedAt: true,
  stageChangedAt: true,
  firstContactAt: true,
  lastAttemptAt: true,
  unsuccessfulAttempts: true,
  nextFollowUpAt: true,
  exitReasonId: true,
  possibleDuplicateOfId: true,
  duplicateState: true,
  closedAt: true,
  legalHold: true,
  anonymisedAt: true,
  assignee: { select: { name: true } },
  exitReason: { select: { label: true } },
  possibleDuplicateOf: { select: { referenceCode: true } },
  firstNameEnc: true,
  phoneEnc: true,
  emailEnc: true,
  messageEnc: true,
  referrerNameEnc: true,
  referrerRelationshipEnc: true,
  personAwareEnc: true,
  referringOrganisationEnc: true,
  channel: true,
  enteredAt: true,
  enteredBy: { select: { name: true } },
} as const satisfies Prisma.InquirySelect;

type Row = Prisma.InquiryGetPayload<{ select: typeof RECORD }>;
type Sealed = "firstNameEnc" | "phoneEnc" | "emailEnc" | "messageEnc" | "referrerNameEnc" | "referrerRelationshipEnc" | "personAwareEnc" | "referringOrganisationEnc";
export type InquiryRecord = Omit<Row, Sealed> & { answers: InquiryAnswers };

export async function readInquiryRecord(options: { tx: Prisma.TransactionClient; inquiryId: string }): Promise<InquiryRecord> {
  const row = await options.tx.inquiry.findUnique({ where: { id: options.inquiryId }, select: RECORD });
  if (!row) throw new InquiryNotFoundError();
  const { firstNameEnc, phoneEnc, emailEnc, messageEnc, referrerNameEnc, referrerRelationshipEnc, personAwareEnc, referringOrganisationEnc, ...facts } = row;
  const sealed = { firstNameEnc, phoneEnc, emailEnc, messageEnc, referrerNameEnc, referrerRelationshipEnc, personAwareEnc, referringOrganisationEnc };
  return { ...facts, answers: decryptInquiryAnswers({ inquiryId: row.id, sealed }) };
}
