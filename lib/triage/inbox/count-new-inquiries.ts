import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { getDb } from "@/lib/db/client";

// How many inquiries matching a view of the inbox arrived after `since`, for
// the live "new arrivals" notice. Counts only: nothing about anyone leaves
// the server, so polling is not a view of any record. The range on createdAt
// (index Inquiry(createdAt DESC, id DESC)) keeps it a few index entries wide.
export async function countNewInquiries(options: { where: Prisma.InquiryWhereInput; since: Date }): Promise<{ total: number; urgent: number }> {
  const groups = await getDb().inquiry.groupBy({
    by: ["urgency"],
    where: { AND: [options.where, { createdAt: { gt: options.since } }] },
    _count: { _all: true },
  });
  const count = (urgency: string) => groups.find((group) => group.urgency === urgency)?._count._all ?? 0;
  return { total: count("URGENT") + count("ROUTINE"), urgent: count("URGENT") };
}
