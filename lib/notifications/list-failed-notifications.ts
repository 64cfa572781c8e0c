import "server-only";
import { getDb } from "@/lib/db/client";

export type FailedNotification = {
  id: string;
  channel: string;
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
export function errorCategory(lastError: string | null, kind = "NEW_INQUIRY"): string {
  if (!lastError) return "Unknown";
  if (kind === "WEBHOOK" || kind === "FHIR_EXPORT") return webhookErrorCategory(lastError);
  const smtp = /SMTP (\d)\d\d/.exec(lastError)?.[1];
  if (smtp === "5") return "Rejected by the mail server";
  if (smtp === "4") return "Mail server busy or temporarily refusing";
  if (/ECONNECTION|ECONNREFUSED|ESOCKET|ETIMEDOUT|EDNS|ENOTFOUND|ECONNRESET/.test(lastError)) return "Mail server unreachable";
  if (/EAUTH/.test(lastError)) return "Mail server sign-in failed";
  if (/ETLS|CERT/.test(lastError)) return "Secure connection to the mail server failed";
  return "Other";
}

function webhookErrorCategory(lastError: string): string {
  if (/^HTTP 4/.test(lastError)) return "Refused by the receiver";
  if (/^HTTP 5/.test(lastError)) return "Receiver failing";
  if (lastError === "timeout") return "Receiver too slow to answer";
  if (lastError === "redirect not followed") return "Receiver redirected (not followed)";
  if (/^E[A-Z_]+$/.test(lastError)) return "Receiver unreachable";
  return "Other";
}

const CHANNELS: Record<string, string> = { NEW_INQUIRY: "Email: new inquiry", ESCALATION: "Email: escalation", FHIR_EXPORT: "FHIR hand-off to the EHR" };

// The notifications the outbox gave up on, newest first: what an admin needs
// to see and retry them, and nothing personal (the inquiry's reference and
// urgency only).
export async function listFailedNotifications(): Promise<FailedNotification[]> {
  const rows = await getDb().notification.findMany({
    where: { status: "FAILED" },
    orderBy: { updatedAt: "desc" },
    take: LIMIT,
    select: {
      id: true,
      kind: true,
      attempts: true,
      lastError: true,
      updatedAt: true,
      inquiry: { select: { referenceCode: true, urgency: true } },
      webhookEndpoint: { select: { name: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    channel: CHANNELS[row.kind] ?? `Webhook: ${row.webhookEndpoint?.name ?? "removed endpoint"}`,
    referenceCode: row.inquiry.referenceCode,
    urgent: row.inquiry.urgency === "URGENT",
    attempts: row.attempts,
    lastError: row.lastError,
    errorCategory: errorCategory(row.lastError, row.kind),
    failedAt: row.updatedAt,
  }));
}
