import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { ConsentSubject } from "@/lib/db/generated/enums";

export type ConsentEntry = { subject: ConsentSubject; granted: boolean; consentTextVersion: string; recordedAt: Date };
export type InquiryConsents = { current: Map<ConsentSubject, ConsentEntry>; history: ConsentEntry[] };

// Consent rows are never overwritten (a withdrawal adds a row), so what holds
// now is the newest row per subject; the history keeps all of them. A subject
// with no row at all counts as not granted.
export async function readCurrentConsents(options: { tx: Prisma.TransactionClient; inquiryId: string }): Promise<InquiryConsents> {
  const history = await options.tx.consentRecord.findMany({
    where: { inquiryId: options.inquiryId },
    select: { subject: true, granted: true, consentTextVersion: true, recordedAt: true },
    orderBy: [{ recordedAt: "asc" }, { id: "asc" }],
  });
  const current = new Map<ConsentSubject, ConsentEntry>();
  for (const entry of history) current.set(entry.subject, entry);
  return { current, history };
}
