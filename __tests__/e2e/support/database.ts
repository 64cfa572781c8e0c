import pg from "pg";
import { e2eSettings } from "./settings";

export type InquiryRow = {
  id: string;
  referenceCode: string;
  urgency: "ROUTINE" | "URGENT";
  requesterType: "SELF" | "LOVED_ONE" | "PROFESSIONAL";
  locale: string;
  preferredLanguage: string;
  heardAbout: string | null;
  firstNameEnc: string;
  phoneEnc: string | null;
  emailEnc: string | null;
  messageEnc: string | null;
  referrerNameEnc: string | null;
  referrerRelationshipEnc: string | null;
  personAwareEnc: string | null;
  phoneHash: string | null;
  emailHash: string | null;
};

/** Everything stored about one inquiry, straight from PostgreSQL (no app code involved). */
export type StoredInquiry = { inquiry: InquiryRow; related: Record<string, unknown[]> };

async function withClient<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: e2eSettings().databaseUrl, application_name: "e2e-spec" });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function findStoredInquiry(referenceCode: string): Promise<StoredInquiry | undefined> {
  return withClient(async (client) => {
    const found = await client.query<InquiryRow>(`SELECT * FROM "Inquiry" WHERE "referenceCode" = $1`, [referenceCode]);
    const inquiry = found.rows[0];
    if (!inquiry) return undefined;
    const related: Record<string, unknown[]> = {};
    for (const table of ["ConsentRecord", "Notification", "AuditEvent"]) {
      const rows = await client.query(`SELECT * FROM ${pg.escapeIdentifier(table)} WHERE "inquiryId" = $1`, [inquiry.id]);
      related[table] = rows.rows;
    }
    return { inquiry, related };
  });
}
