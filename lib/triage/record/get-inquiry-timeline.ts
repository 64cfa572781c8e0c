import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { InquiryStatus, NotificationStatus } from "@/lib/db/generated/enums";
import { describeTimelineEntry, type TimelineLookups } from "@/lib/triage/record/describe-timeline-entry";

export type TimelineEntry = { at: Date; until: Date | null; who: string; what: string; count: number };
type Draft = TimelineEntry & { actorKey: string; action: string };
type AuditRow = { actorType: string; actorId: string | null; action: string; occurredAt: Date; metadata: Prisma.JsonValue };
type NotificationRow = { status: NotificationStatus; attempts: number; sentAt: Date | null; createdAt: Date; updatedAt: Date };

const MAX_EVENTS = 300;
const INQUIRY_ID_KEYS = ["possibleDuplicateOfId", "originalId", "duplicateId"] as const;

const metadataOf = (value: Prisma.JsonValue): Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? value : {};

// Everything that happened to one inquiry, newest first: its audit trail
// (arrival, views by whom, stage changes, assignment, attempts, notes,
// duplicates) and the delivery of its staff notification. Runs of views by
// the same person collapse into one line with a count (each is still its own
// row in the audit log). Called inside the audited detail read.
export async function getInquiryTimeline(options: {
  tx: Prisma.TransactionClient;
  inquiryId: string;
  stageLabels: Map<InquiryStatus, string>;
}): Promise<TimelineEntry[]> {
  const { tx, inquiryId } = options;
  // Sequential: one transaction, one connection (see get-inquiry-detail).
  const events = await tx.auditEvent.findMany({ where: { inquiryId }, orderBy: { id: "desc" }, take: MAX_EVENTS });
  const notifications = await tx.notification.findMany({
    where: { inquiryId },
    select: { status: true, attempts: true, sentAt: true, createdAt: true, updatedAt: true },
  });
  const { lookups, names } = await loadLookups(tx, events, options.stageLabels);
  // Notifications first: one queued with the arrival has the same timestamp
  // and, the sort being stable, then reads as following it.
  const entries: Draft[] = notifications.map(notificationEntry);
  for (const event of events) {
    const actorKey = `${event.actorType}:${event.actorId ?? ""}`;
    const previous = entries.at(-1);
    if (event.action === "inquiry.viewed" && previous?.action === "inquiry.viewed" && previous.actorKey === actorKey) {
      previous.count += 1;
      previous.until = previous.until ?? previous.at;
      previous.at = event.occurredAt;
      continue;
    }
    const who = event.actorType === "PUBLIC" ? "The person (web form)" : event.actorId ? (names.get(event.actorId) ?? "A former staff member") : "System";
    const what = describeTimelineEntry(event.action, metadataOf(event.metadata), lookups);
    entries.push({ at: event.occurredAt, until: null, who, what, count: 1, actorKey, action: event.action });
  }
  return entries.sort((a, b) => b.at.getTime() - a.at.getTime()).map(({ at, until, who, what, count }) => ({ at, until, who, what, count }));
}

function notificationEntry(notification: NotificationRow): Draft {
  const base = { until: null, who: "System", count: 1, actorKey: "", action: "notification" };
  if (notification.status === "SENT") {
    return { ...base, at: notification.sentAt ?? notification.updatedAt, what: "Staff notification email sent (reference code only)" };
  }
  if (notification.status === "FAILED") {
    return { ...base, at: notification.updatedAt, what: `Staff notification email failed after ${notification.attempts} tries` };
  }
  return { ...base, at: notification.createdAt, what: "Staff notification email waiting to be sent" };
}

// Names, reference codes and exit-reason labels for the ids the audit rows
// mention, in three queries however long the trail.
async function loadLookups(tx: Prisma.TransactionClient, events: AuditRow[], stageLabels: Map<InquiryStatus, string>) {
  const staffIds = new Set<string>();
  const inquiryIds = new Set<string>();
  const reasonIds = new Set<string>();
  for (const event of events) {
    const metadata = metadataOf(event.metadata);
    if (event.actorId) staffIds.add(event.actorId);
    if (typeof metadata.assigneeId === "string") staffIds.add(metadata.assigneeId);
    if (typeof metadata.exitReasonId === "string") reasonIds.add(metadata.exitReasonId);
    for (const key of INQUIRY_ID_KEYS) {
      const value = metadata[key];
      if (typeof value === "string") inquiryIds.add(value);
    }
  }
  const staff = await tx.staffUser.findMany({ where: { id: { in: [...staffIds] } }, select: { id: true, name: true } });
  const inquiries = await tx.inquiry.findMany({ where: { id: { in: [...inquiryIds] } }, select: { id: true, referenceCode: true } });
  const reasons = await tx.exitReason.findMany({ where: { id: { in: [...reasonIds] } }, select: { id: true, label: true } });
  const names = new Map(staff.map((row) => [row.id, row.name]));
  const codes = new Map(inquiries.map((row) => [row.id, row.referenceCode]));
  const reasonLabels = new Map(reasons.map((row) => [row.id, row.label]));
  const lookups: TimelineLookups = {
    stageLabel: (stage) => stageLabels.get(stage) ?? stage,
    exitReasonLabel: (id) => reasonLabels.get(id) ?? null,
    staffName: (id) => names.get(id) ?? null,
    referenceCode: (id) => codes.get(id) ?? null,
  };
  return { lookups, names };
}
