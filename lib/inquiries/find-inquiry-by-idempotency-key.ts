import "server-only";
import type { Db } from "@/lib/db/client";

// Through Prisma on purpose: a read, so the client's `omit` guard applies, and
// it selects only what a replayed submission is answered with.
export async function findInquiryByIdempotencyKey(options: { db: Db; idempotencyKey: string }) {
  return options.db.inquiry.findUnique({
    where: { idempotencyKey: options.idempotencyKey },
    select: { id: true, referenceCode: true },
  });
}
