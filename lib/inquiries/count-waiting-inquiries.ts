import "server-only";
import { getDb } from "@/lib/db/client";

// How many inquiries still wait for a first contact, and since when. Counts
// only: nothing personal is read, so this is not an audited view.
export async function countWaitingInquiries(): Promise<{ total: number; urgent: number; oldestReceivedAt: Date | null }> {
  const db = getDb();
  const [total, urgent, oldest] = await Promise.all([
    db.inquiry.count({ where: { status: "NEW" } }),
    db.inquiry.count({ where: { status: "NEW", urgency: "URGENT" } }),
    db.inquiry.findFirst({ where: { status: "NEW" }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
  ]);
  return { total, urgent, oldestReceivedAt: oldest?.createdAt ?? null };
}
