import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { ContactChannel, ContactOutcome } from "@/lib/db/generated/enums";

export type ContactAttemptView = {
  id: string;
  channel: ContactChannel;
  outcome: ContactOutcome;
  attemptedAt: Date;
  nextFollowUpAt: Date | null;
  staffName: string | null;
};

// Newest first: the coordinator wants the last attempt at the top.
export async function readContactAttempts(options: { tx: Prisma.TransactionClient; inquiryId: string }): Promise<ContactAttemptView[]> {
  const attempts = await options.tx.contactAttempt.findMany({
    where: { inquiryId: options.inquiryId },
    orderBy: [{ attemptedAt: "desc" }, { id: "desc" }],
    select: { id: true, channel: true, outcome: true, attemptedAt: true, nextFollowUpAt: true, staffUser: { select: { name: true } } },
  });
  return attempts.map(({ staffUser, ...attempt }) => ({ ...attempt, staffName: staffUser?.name ?? null }));
}
