import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { isUuid } from "@/lib/triage/access/is-uuid";
import { InquiryNotFoundError, TriageRefusedError } from "@/lib/triage/access/triage-errors";

const TRIAGE_FACTS = {
  id: true,
  status: true,
  createdAt: true,
  assigneeId: true,
  firstContactAt: true,
  unsuccessfulAttempts: true,
  nextFollowUpAt: true,
  duplicateState: true,
  possibleDuplicateOfId: true,
  closedAt: true,
  anonymisedAt: true,
} as const satisfies Prisma.InquirySelect;

export type LockedInquiry = Prisma.InquiryGetPayload<{ select: typeof TRIAGE_FACTS }>;

// Row lock for the rest of the transaction: two coordinators clicking at once
// are applied one after the other, each checking the rules against what the
// other just wrote. An anonymised inquiry (retention) can no longer change.
export async function lockInquiry(options: { tx: Prisma.TransactionClient; inquiryId: string }): Promise<LockedInquiry> {
  if (!isUuid(options.inquiryId)) throw new InquiryNotFoundError();
  await options.tx.$queryRaw`SELECT 1 FROM "Inquiry" WHERE "id" = ${options.inquiryId}::uuid FOR UPDATE`;
  const inquiry = await options.tx.inquiry.findUnique({ where: { id: options.inquiryId }, select: TRIAGE_FACTS });
  if (!inquiry) throw new InquiryNotFoundError();
  if (inquiry.anonymisedAt) throw new TriageRefusedError("This inquiry has been anonymised under the retention policy and cannot change.");
  return inquiry;
}
