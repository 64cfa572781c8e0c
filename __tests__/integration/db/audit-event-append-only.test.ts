import { Client } from "pg";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { createScratchDatabase, type ScratchDatabase } from "@/__tests__/support/scratch-database";

const INQUIRY_ID = "6f1c1f0e-2d4b-4c59-9d0f-3b8f1c7a9e21";

// Confidentiality rule 3: the audit trail is append-only in the database
// itself, whatever the application (or someone with a SQL prompt) attempts.
describe("AuditEvent", () => {
  let db: ScratchDatabase;
  let client: Client;

  beforeAll(async () => {
    db = await createScratchDatabase();
    await applyMigrations({ databaseUrl: db.url });
    client = new Client({ connectionString: db.url });
    await client.connect();
    await client.query(
      `INSERT INTO "Inquiry" ("id", "referenceCode", "idempotencyKey", "requesterType", "locale",
                              "preferredLanguage", "preferredContactMethod", "firstNameEnc")
       VALUES ($1, 'K7Q3-TEST', 'idem-1', 'SELF', 'en', 'en', 'PHONE', 'v1:ciphertext')`,
      [INQUIRY_ID],
    );
    await client.query(
      `INSERT INTO "AuditEvent" ("actorType", "action", "inquiryId") VALUES ('SYSTEM', 'inquiry.created', $1)`,
      [INQUIRY_ID],
    );
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  it("accepts new rows", async () => {
    const { rows } = await client.query<{ action: string; metadata: unknown }>(
      `SELECT "action", "metadata" FROM "AuditEvent"`,
    );
    expect(rows).toEqual([{ action: "inquiry.created", metadata: {} }]);
  });

  it("refuses UPDATE", async () => {
    await expect(client.query(`UPDATE "AuditEvent" SET "action" = 'inquiry.viewed'`)).rejects.toThrow(
      "AuditEvent is append-only: UPDATE refused",
    );
  });

  it("refuses DELETE", async () => {
    await expect(client.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow("AuditEvent is append-only: DELETE refused");
  });

  it("refuses TRUNCATE", async () => {
    await expect(client.query(`TRUNCATE "AuditEvent"`)).rejects.toThrow("AuditEvent is append-only: TRUNCATE refused");
  });

  it("outlives a deleted inquiry: its audit events stay, unchanged", async () => {
    await client.query(`DELETE FROM "Inquiry" WHERE "id" = $1`, [INQUIRY_ID]);
    const { rows } = await client.query(`SELECT "action", "inquiryId" FROM "AuditEvent"`);
    expect(rows).toEqual([{ action: "inquiry.created", inquiryId: INQUIRY_ID }]);
  });
});
