import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { getDb } from "@/lib/db/client";
import { INBOX_ROW_SELECT, type InboxRow } from "@/lib/triage/inbox/inbox-row";
import type { InboxCursor, InquiryStage } from "@/lib/validations/inbox-filter";

export type InboxPage = { rows: InboxRow[]; next: InboxCursor | null };

// One page in the inbox's order: urgent before routine; within each, what
// arrived while the form asked for a proof of work (submittedUnderChallenge:
// most likely a flood's junk that paid its way in) after everything else;
// then newest first (createdAt, id descending). The order is read as four
// segments, so that every query is an equality on urgency and the mark plus a
// range on createdAt: the shape the indexes (status, urgency,
// submittedUnderChallenge, createdAt DESC) and (createdAt DESC, id DESC)
// return already in order, LIMIT rows deep, without sorting anything.
// `stages` reads each stage on its own and merges them (a few rows each) for
// the same reason: one query over "status IN (four stages)" would have to
// sort every open inquiry before it could return the first 50.
// Keyset, not OFFSET: the cursor is the last row's (segment, createdAt, id), so
// a deep page costs what the first does, and inquiries arriving meanwhile
// (always newer than the cursor) never shift the rows of the next page.
const SEGMENTS = [
  { urgent: true, challenged: false },
  { urgent: true, challenged: true },
  { urgent: false, challenged: false },
  { urgent: false, challenged: true },
] as const;

function segmentIndex(cursor: { urgent: boolean; challenged?: boolean }): number {
  return (cursor.urgent ? 0 : 2) + (cursor.challenged ? 1 : 0);
}

export async function fetchInboxPage(options: {
  where: Prisma.InquiryWhereInput;
  stages?: readonly InquiryStage[];
  after?: InboxCursor;
  // A filter on urgency: the other segments are not queried at all.
  urgency?: "URGENT" | "ROUTINE";
  limit: number;
}): Promise<InboxPage> {
  const { after, limit } = options;
  const from = after ? segmentIndex(after) : 0;
  const segments = SEGMENTS.map((segment, index) => ({ ...segment, keyset: after && index === from ? keysetAfter(after) : null }))
    .filter((_, index) => index >= from)
    .filter((segment) => options.urgency === undefined || segment.urgent === (options.urgency === "URGENT"));
  const rows: InboxRow[] = [];
  for (const segment of segments) {
    const need = limit + 1 - rows.length;
    const where: Prisma.InquiryWhereInput[] = [
      options.where,
      { urgency: segment.urgent ? "URGENT" : "ROUTINE", submittedUnderChallenge: segment.challenged },
      ...(segment.keyset ? [segment.keyset] : []),
    ];
    const found = options.stages
      ? (await Promise.all(options.stages.map((status) => newestFirst([...where, { status }], need)))).flat().sort(byNewest).slice(0, need)
      : await newestFirst(where, need);
    rows.push(...found);
    if (rows.length > limit) break;
  }
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return {
    rows: rows.slice(0, limit),
    next: last ? { urgent: last.urgency === "URGENT", challenged: last.submittedUnderChallenge, createdAt: last.createdAt, id: last.id } : null,
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
