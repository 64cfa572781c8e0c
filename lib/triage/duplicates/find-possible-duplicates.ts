import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { DuplicateState, InquiryStatus } from "@/lib/db/generated/enums";

// How far back a closed inquiry still counts as "recent" for duplicates.
export const DUPLICATE_LOOKBACK_DAYS = 90;

export type DuplicateCandidate = {
  id: string;
  referenceCode: string;
  status: InquiryStatus;
  duplicateState: DuplicateState;
  createdAt: Date;
  // When the row was stored (issue 12): differs from createdAt for an
  // inquiry staff entered with an earlier time of first contact.
  enteredAt: Date;
  closedAt: Date | null;
  samePhone: boolean;
  sameEmail: boolean;
};

// Other inquiries from the same phone number or email address: matched on the
// keyed lookup hashes (indexed), never by decrypting anything. Only open ones,
// or ones received or closed in the last DUPLICATE_LOOKBACK_DAYS: someone who
// asked two years ago and asks again is a new inquiry, not a duplicate.
// Anonymised inquiries have no hashes left and never match. Newest first.
export async function findPossibleDuplicates(options: { tx: Prisma.TransactionClient; inquiryId: string }): Promise<DuplicateCandidate[]> {
  return options.tx.$queryRaw<DuplicateCandidate[]>`
    SELECT o."id"::text AS "id", o."referenceCode", o."status"::text AS "status",
           o."duplicateState"::text AS "duplicateState", o."createdAt", o."enteredAt", o."closedAt",
           coalesce(o."phoneHash" = i."phoneHash", false) AS "samePhone",
           coalesce(o."emailHash" = i."emailHash", false) AS "sameEmail"
    FROM "Inquiry" i
    JOIN "Inquiry" o ON o."id" <> i."id" AND (o."phoneHash" = i."phoneHash" OR o."emailHash" = i."emailHash")
    WHERE i."id" = ${options.inquiryId}::uuid
      AND o."anonymisedAt" IS NULL
      AND (o."closedAt" IS NULL
           OR o."closedAt" > now() - make_interval(days => ${DUPLICATE_LOOKBACK_DAYS})
           OR o."createdAt" > now() - make_interval(days => ${DUPLICATE_LOOKBACK_DAYS}))
    ORDER BY o."createdAt" DESC, o."id" DESC
    LIMIT 20`;
}
