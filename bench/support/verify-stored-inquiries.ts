import { withClient } from "./pg-session";

export type StoredInquiries = {
  inquiries: number;
  notifications: number;
  consentRecords: number;
  auditEvents: number;
  /** 2xx responses the load phases received. */
  expectedAtLeast: number;
  /** …plus requests that may have been stored without their answer arriving (cut off at the end of a timed run, or failed). */
  expectedAtMost: number;
  /** Inquiry rows within that range, and every inquiry with its outbox row, audit event and 6 consent records. */
  consistent: boolean;
};

/** Counts what the submissions stored, against what the clients were told. */
export async function verifyStoredInquiries(options: { databaseUrl: string; ok2xx: number; unanswered: number }): Promise<StoredInquiries> {
  const counts = await withClient(options.databaseUrl, async (client) => {
    const { rows } = await client.query<{ inquiries: number; notifications: number; consents: number; audits: number }>(`
      SELECT (SELECT count(*) FROM "Inquiry")::int AS inquiries,
             (SELECT count(*) FROM "Notification")::int AS notifications,
             (SELECT count(*) FROM "ConsentRecord")::int AS consents,
             (SELECT count(*) FROM "AuditEvent" WHERE "action" = 'inquiry.created')::int AS audits`);
    const row = rows[0];
    if (!row) throw new Error("no counts");
    return row;
  });
  const expectedAtMost = options.ok2xx + options.unanswered;
  return {
    inquiries: counts.inquiries,
    notifications: counts.notifications,
    consentRecords: counts.consents,
    auditEvents: counts.audits,
    expectedAtLeast: options.ok2xx,
    expectedAtMost,
    consistent:
      counts.inquiries >= options.ok2xx &&
      counts.inquiries <= expectedAtMost &&
      counts.notifications === counts.inquiries &&
      counts.audits === counts.inquiries &&
      counts.consents === counts.inquiries * 6,
  };
}
