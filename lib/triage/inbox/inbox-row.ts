import "server-only";
import type { Prisma } from "@/lib/db/generated/client";

// What one inbox row reads: operational facts only. No ciphertext column is
// named here (and lib/db/client.ts omits them by default), so listing
// inquiries decrypts nothing and is not a view of anyone's record. Assignees
// are named from the staff list the page loads anyway (loadInboxOptions), not
// by a relation query per list query.
export const INBOX_ROW_SELECT = {
  id: true,
  referenceCode: true,
  createdAt: true,
  urgency: true,
  status: true,
  preferredLanguage: true,
  bestTimes: true,
  heardAbout: true,
  firstContactAt: true,
  nextFollowUpAt: true,
  unsuccessfulAttempts: true,
  duplicateState: true,
  assigneeId: true,
  submittedUnderChallenge: true,
  channel: true,
} satisfies Prisma.InquirySelect;

export type InboxRow = Prisma.InquiryGetPayload<{ select: typeof INBOX_ROW_SELECT }>;
