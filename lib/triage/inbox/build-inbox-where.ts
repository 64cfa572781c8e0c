import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { zonedDayStart } from "@/lib/triage/clock/zoned-day-start";
import { OPEN_STAGES, type InboxFilter } from "@/lib/validations/inbox-filter";
import { verificationWhere } from "@/lib/insurance/verification-where";

// The inbox's filters as a Prisma condition. Every condition is on a plain
// operational column; the indexes that serve them are listed in
// lib/triage/inbox/list-inquiries.ts. Anonymised inquiries (retention) are no
// longer anyone's work and never listed.
export function buildInboxWhere(options: { filter: Omit<InboxFilter, "after">; viewerId: string; timeZone: string }): Prisma.InquiryWhereInput {
  const { filter, timeZone } = options;
  const where: Prisma.InquiryWhereInput = { anonymisedAt: null };
  // Open = an open stage and not closed in place (a confirmed duplicate keeps
  // its stage but has closedAt set).
  if (filter.stage === "open") {
    where.status = { in: [...OPEN_STAGES] };
    where.closedAt = null;
  }
  else if (filter.stage !== "all") where.status = filter.stage;
  if (filter.urgency) where.urgency = filter.urgency;
  if (filter.assignee === "mine") where.assigneeId = options.viewerId;
  else if (filter.assignee === "unassigned") where.assigneeId = null;
  else if (filter.assignee) where.assigneeId = filter.assignee;
  if (filter.language) where.preferredLanguage = filter.language;
  if (filter.source) where.heardAbout = filter.source;
  if (filter.channel) where.channel = filter.channel;
  if (filter.verification) where.AND = [verificationWhere(filter.verification)];
  if (filter.from || filter.to) {
    where.createdAt = {
      ...(filter.from ? { gte: zonedDayStart({ date: filter.from, timeZone }) } : {}),
      ...(filter.to ? { lt: zonedDayStart({ date: filter.to, timeZone, plusDays: 1 }) } : {}),
    };
  }
  return where;
}
