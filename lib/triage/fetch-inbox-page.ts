import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { getDb } from "@/lib/db/client";
import { INBOX_ROW_SELECT, type InboxRow } from "@/lib/triage/inbox-row";
import type { InboxCursor, InquiryStage } from "@/lib/validations/inbox-filter";

export type InboxPage = { rows: InboxRow[]; next: InboxCursor | null };

// One page in the inbox's order: urgent before routine, then newest first
// (createdAt, id descending). The order is read as two segments, so that every
// query is an equality on urgency plus a range on createdAt: the shape the
// indexes (status, urgency, createdAt DESC) and (createdAt DESC, id DESC)
// return already in order, LIMIT rows deep, without sorting anything.
// `stages` reads each stage on its own and merges them (a few rows each) for
// the same reason: one query over "status IN (four stages)" would have to
// sort every open inquiry before it could return the first 50.
// Keyset, not OFFSET: the cursor is the last row's (segment, createdAt, id), so
// a deep page costs what the first does, and inquiries arriving meanwhile
// (always newer than the cursor) never shift the rows of the next page.
export async function fetchInboxPage(options: {
  where: Prisma.InquiryWhereInput;
  stages?: readonly InquiryStage[];
  after?: InboxCursor;
  // A filter on urgency: the other segment is not queried at all.
  urgency?: "URGENT" | "ROUTINE";
  limit: number;
}): Promise<InboxPage> {
  const { after, limit } = options;
  const fromUrgent = !after || after.urgent;
  const segments: { urgent: boolean; keyset: Prisma.InquiryWhereInput | null }[] = [
    ...(fromUrgent ? [{ urgent: true, keyset: after ? keysetAfter(after) : null }] : []),
    { urgent: false, keyset: after && !after.urgent ? keysetAfter(after) : null },
  ].filter((segment) => options.urgency === undefined || segment.urgent === (options.urgency === "URGENT"));
  const rows: InboxRow[] = [];
  for (const segment of segments) {
    const need = limit + 1 - rows.length;
    const where: Prisma.InquiryWhereInput[] = [options.where, { urgency: segment.urgent ? "URGENT" : "ROUTINE" }, ...(segment.keyset ? [segment.keyset] : [])];
    const found = options.stages
      ? (await Promise.all(options.stages.map((status) => newestFirst([...where, { status }], need)))).flat().sort(byNewest).slice(0, need)
      : await newestFirst(where, need);
    rows.push(...found);
    if (rows.length > limit) break;
  }
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return {
    rows: rows.slice(0, limit),
    next: last ? { urgent: last.urgency === "URGENT", createdAt: last.createdAt, id: last.id } : null,
  };
}

function newestFirst(where: Prisma.InquiryWhereInput[], take: number): Promise<InboxRow[]> {
  return getDb().inquiry.findMany({ where: { AND: where }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take, select: INBOX_ROW_SELECT });
}

// PostgreSQL's order, in JavaScript: uuids compare as bytes, which for their
// lowercase hex text is string order.
function byNewest(a: InboxRow, b: InboxRow): number {
  return b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

// Rows strictly after the cursor in (createdAt, id) descending order. The
// redundant `createdAt <= c` is the index range; the OR only breaks ties.
function keysetAfter(cursor: InboxCursor): Prisma.InquiryWhereInput {
  return {
    AND: [{ createdAt: { lte: cursor.createdAt } }, { OR: [{ createdAt: { lt: cursor.createdAt } }, { id: { lt: cursor.id } }] }],
  };
}
