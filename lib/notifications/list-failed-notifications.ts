import "server-only";
import { getDb } from "@/lib/db/client";

export type FailedNotification = {
  id: string;
  referenceCode: string;
  urgent: boolean;
  attempts: number;
  lastError: string | null;
  errorCategory: string;
  failedAt: Date;
};

const LIMIT = 200;

// lastError holds only an error class, a code and an SMTP status (see
// deliver-notification.ts), never a reply text; the category says in plain
// words which side the problem is probably on.
export function errorCategory(lastError: string | null): string {
  if (!lastError) return "Unknown";
  const smtp = /SMTP (\d)\d\d/.exec(lastError)?.[1];
  if (smtp === "5") return "Rejected by the mail server";
  if (smtp === "4") return "Mail server busy or temporarily refusing";
  if (/ECONNECTION|ECONNREFUSED|ESOCKET|ETIMEDOUT|EDNS|ENOTFOUND|ECONNRESET/.test(lastError)) return "Mail server unreachable";
  if (/EAUTH/.test(lastError)) return "Mail server sign-in failed";
  if (/ETLS|CERT/.test(lastError)) return "Secure connection to the mail server failed";
  return "Other";
}

// The notifications the outbox gave up on, newest first: what an admin needs
// to see and retry them, and nothing personal (the inquiry's reference and
// urgency only).
export async function listFailedNotifications(): Promise<FailedNotification[]> {
  const rows = await getDb().notification.findMany({
    where: { status: "FAILED" },
    orderBy: { updatedAt: "desc" },
    take: LIMIT,
    select: { id: true, attempts: true, lastError: true, updatedAt: true, inquiry: { select: { referenceCode: true, urgency: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    referenceCode: row.inquiry.referenceCode,
    urgent: row.inquiry.urgency === "URGENT",
    attempts: row.attempts,
    lastError: row.lastError,
    errorCategory: errorCategory(row.lastError),
    failedAt: row.updatedAt,
  }));
}
