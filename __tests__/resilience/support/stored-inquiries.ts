import { withClient } from "./database-server";

export type StoredInquiry = { id: string; referenceCode: string; phoneHash: string | null; createdAt: Date };
export type StoredNotification = { id: string; inquiryId: string; referenceCode: string; status: string; attempts: number };

/** Every inquiry row, read straight from PostgreSQL (no app code involved). */
export function readStoredInquiries(databaseUrl: string): Promise<StoredInquiry[]> {
  return withClient(databaseUrl, async (client) => {
    const result = await client.query<StoredInquiry>(`SELECT "id", "referenceCode", "phoneHash", "createdAt" FROM "Inquiry"`);
    return result.rows;
  });
}

/** Every new-inquiry email row of the outbox with its inquiry's reference code. */
export function readNotifications(databaseUrl: string): Promise<StoredNotification[]> {
  return withClient(databaseUrl, async (client) => {
    const result = await client.query<StoredNotification>(
      `SELECT n."id", n."inquiryId", i."referenceCode", n."status"::text AS "status", n."attempts"
         FROM "Notification" n JOIN "Inquiry" i ON i."id" = n."inquiryId" WHERE n."kind" = 'NEW_INQUIRY'`,
    );
    return result.rows;
  });
}

/** Every webhook row of the outbox (issue 13), with its endpoint. */
export function readWebhookNotifications(databaseUrl: string): Promise<(StoredNotification & { endpointId: string })[]> {
  return withClient(databaseUrl, async (client) => {
    const result = await client.query<StoredNotification & { endpointId: string }>(
      `SELECT n."id", n."inquiryId", i."referenceCode", n."status"::text AS "status", n."attempts", n."webhookEndpointId"::text AS "endpointId"
         FROM "Notification" n JOIN "Inquiry" i ON i."id" = n."inquiryId" WHERE n."kind" = 'WEBHOOK'`,
    );
    return result.rows;
  });
}

/** Reference codes of inquiries that have no outbox row at all (their email could never be sent). */
export function readInquiriesWithoutNotification(databaseUrl: string): Promise<string[]> {
  return withClient(databaseUrl, async (client) => {
    const result = await client.query<{ referenceCode: string }>(
      `SELECT i."referenceCode" FROM "Inquiry" i WHERE NOT EXISTS (SELECT 1 FROM "Notification" n WHERE n."inquiryId" = i."id")`,
    );
    return result.rows.map((row) => row.referenceCode);
  });
}
