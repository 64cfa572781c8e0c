import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "pg";
import { encryptField } from "@/lib/crypto/field-encryption";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { REPO_MIGRATIONS_DIR } from "@/__tests__/support/create-migrations-dir";
import { keyringOf, newKeySpec } from "@/__tests__/support/sealed-fixtures";
import { createScratchDatabase, type ScratchDatabase } from "@/__tests__/support/scratch-database";

// The key-check migration on a database that already holds data: it lists the
// key ids in use, moves the last day's public request metadata out of the
// append-only audit rows and clears the rest of it from them.
const MIGRATION = "20261206020000_key_checks_and_request_metadata";
let db: ScratchDatabase;
let sql: Client;
let before: string;

beforeAll(async () => {
  db = await createScratchDatabase();
  sql = new Client({ connectionString: db.url });
  await sql.connect();
  before = await mkdtemp(path.join(tmpdir(), "migrations-before-"));
  // Every migration before this one: the database as it was before the upgrade.
  const earlier = (source: string) => {
    const folder = path.relative(REPO_MIGRATIONS_DIR, source).split(path.sep)[0] ?? "";
    return !/^\d{14}_/.test(folder) || folder < MIGRATION;
  };
  await cp(REPO_MIGRATIONS_DIR, before, { recursive: true, filter: earlier });
});
afterAll(async () => {
  await sql.end();
  await db.drop();
  await rm(before, { recursive: true, force: true });
});

it("lists the key ids in use and takes request metadata out of the audit trail", async () => {
  await applyMigrations({ databaseUrl: db.url, migrationsDir: before });
  const keyring = keyringOf(newKeySpec("k7"));
  const insert = async (id: string, code: string, ageDays: number) => {
    await sql.query(
      `INSERT INTO "Inquiry" ("id", "referenceCode", "idempotencyKey", "requesterType", "locale", "preferredLanguage", "preferredContactMethod", "firstNameEnc")
       VALUES ($1, $2, $2, 'SELF', 'en', 'en', 'PHONE', $3)`,
      [id, code, encryptField({ keyring, plaintext: "Ana", context: `Inquiry.firstName:${id}` })],
    );
    await sql.query(
      `INSERT INTO "AuditEvent" ("actorType", "action", "inquiryId", "ipHash", "userAgent", "occurredAt")
       VALUES ('PUBLIC', 'inquiry.created', $1, $2, 'Firefox', now() - make_interval(days => $3))`,
      [id, "a".repeat(64), ageDays],
    );
  };
  await insert("00000000-0000-4000-8000-000000000001", "AAAA-AAA1", 0);
  await insert("00000000-0000-4000-8000-000000000002", "AAAA-AAA2", 30);
  await sql.query(`INSERT INTO "AuditEvent" ("actorType", "action", "actorId", "userAgent", "ipAddress") VALUES ('STAFF', 'staff.sign_in.succeeded', 'u1', 'Staff browser', '192.0.2.1')`);

  const result = await applyMigrations({ databaseUrl: db.url, migrationsDir: REPO_MIGRATIONS_DIR });
  expect(result.applied).toContain(MIGRATION);

  expect((await sql.query(`SELECT "kind", "keyId", "checkValue" FROM "KeyCheck"`)).rows).toEqual([{ kind: "field", keyId: "k7", checkValue: null }]);
  expect((await sql.query(`SELECT "inquiryId", "ipHash", "userAgent" FROM "SubmissionTrace"`)).rows).toEqual([
    { inquiryId: "00000000-0000-4000-8000-000000000001", ipHash: "a".repeat(64), userAgent: "Firefox" },
  ]);
  const audit = await sql.query(`SELECT "actorType", "ipHash", "userAgent" FROM "AuditEvent" ORDER BY "id"`);
  expect(audit.rows).toEqual([
    { actorType: "PUBLIC", ipHash: null, userAgent: null },
    { actorType: "PUBLIC", ipHash: null, userAgent: null },
    { actorType: "STAFF", ipHash: null, userAgent: "Staff browser" },
  ]);
  // The append-only guard is back on.
  await expect(sql.query(`UPDATE "AuditEvent" SET "action" = 'x'`)).rejects.toThrow(/append-only/);
});
