import "server-only";
import type { Prisma } from "@/lib/db/generated/client";

export type AnonymisedCounts = { inquiries: number; notes: number; noteVersions: number };

// Irreversible: every ciphertext and keyed-hash column is blanked (the key
// cannot bring back what is no longer stored) and notes go with all their
// versions, and so do the submission's request metadata (address hash,
// User-Agent) and admins' notes (a legal hold's case reference). What stays is operational and identifies nobody: reference code,
// dates, stage, urgency, language, referral source, contact attempts'
// channels and outcomes, consent flags, so reports keep their figures. The
// duplicate link goes too: it would tie this record to a person's other one.
// Callers lock the rows first and write the audit entries in the same
// transaction.
export async function anonymiseInquiries(options: {
  tx: Prisma.TransactionClient;
  inquiryIds: string[];
}): Promise<AnonymisedCounts> {
  const { tx, inquiryIds } = options;
  if (inquiryIds.length === 0) return { inquiries: 0, notes: 0, noteVersions: 0 };
  const noteVersions = await tx.inquiryNoteVersion.count({ where: { note: { inquiryId: { in: inquiryIds } } } });
  const notes = await tx.inquiryNote.deleteMany({ where: { inquiryId: { in: inquiryIds } } });
  await tx.submissionTrace.deleteMany({ where: { inquiryId: { in: inquiryIds } } });
  await tx.adminReasonNote.deleteMany({ where: { inquiryId: { in: inquiryIds } } });
  // Insurance (issue 12): the kind, payer and verification status stay for
  // reports; member ids, subscriber details and verification notes go.
  await tx.inquiryCoverage.updateMany({
    where: { inquiryId: { in: inquiryIds } },
    data: { payerOtherEnc: null, memberIdEnc: null, groupNumberEnc: null, subscriberNameEnc: null, subscriberDobEnc: null },
  });
  await tx.inquiryVerification.updateMany({ where: { inquiryId: { in: inquiryIds } }, data: { referenceEnc: null, notesEnc: null } });
  const updated = await tx.inquiry.updateMany({
    where: { id: { in: inquiryIds }, anonymisedAt: null },
    data: {
      firstNameEnc: null,
      phoneEnc: null,
      emailEnc: null,
      messageEnc: null,
      referrerNameEnc: null,
      referrerRelationshipEnc: null,
      personAwareEnc: null,
      referringOrganisationEnc: null,
      phoneHash: null,
      emailHash: null,
      firstNameHash: null,
      possibleDuplicateOfId: null,
      anonymisedAt: new Date(),
    },
  });
  return { inquiries: updated.count, notes: notes.count, noteVersions };
}
