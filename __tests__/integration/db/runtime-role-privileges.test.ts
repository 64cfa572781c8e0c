import { Client } from "pg";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { RUNTIME_ROLE } from "@/lib/db/migrations/apply-runtime-grants";
import { onTestDatabaseTeardown, provideTestDatabase } from "@/__tests__/support/test-database";
import { asRuntimeRole } from "@/__tests__/support/runtime-role";
import path from "node:path";

const INQUIRY_ID = "6f1c1f0e-2d4b-4c59-9d0f-3b8f1c7a9e21";
const INSUFFICIENT_PRIVILEGE = "42501";

// Issue 10: whoever holds DATABASE_URL (the runtime role) cannot rewrite
// history. Each statement must fail for want of a privilege (42501), not
// merely because a trigger refused it: a trigger is what the owner can disable.
describe("the runtime role", () => {
  const db = provideTestDatabase();
  let runtime: Client;
  let owner: Client;

  beforeAll(async () => {
    runtime = new Client({ connectionString: db.url });
    owner = new Client({ connectionString: db.ownerUrl });
    await Promise.all([runtime.connect(), owner.connect()]);
  });
  // Before the database is dropped (its connections are then terminated).
  onTestDatabaseTeardown(async () => {
    await Promise.all([runtime.end(), owner.end()]);
  });

  it("is a login role that is not the owner and is a member of iop_runtime", async () => {
    const { rows } = await runtime.query<{ me: string; member: boolean; superuser: boolean }>(
      `SELECT current_user AS me, pg_has_role(current_user, $1, 'MEMBER') AS member,
              (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser`,
      [RUNTIME_ROLE],
    );
    expect(rows[0]).toEqual({ me: "iop_test_runtime", member: true, superuser: false });
  });

  it("does the app's work: reads and writes app tables, appends audit rows, reads the migration history", async () => {
    await runtime.query(
      `INSERT INTO "Inquiry" ("id", "referenceCode", "idempotencyKey", "requesterType", "locale",
                              "preferredLanguage", "preferredContactMethod", "firstNameEnc")
       VALUES ($1, 'K7Q3-ROLE', 'idem-role', 'SELF', 'en', 'en', 'PHONE', 'v1:ciphertext')`,
      [INQUIRY_ID],
    );
    await runtime.query(`UPDATE "Inquiry" SET "locale" = 'es' WHERE "id" = $1`, [INQUIRY_ID]);
    const inserted = await runtime.query<{ id: string }>(
      `INSERT INTO "AuditEvent" ("actorType", "action", "inquiryId") VALUES ('SYSTEM', 'inquiry.created', $1) RETURNING "id"`,
      [INQUIRY_ID],
    );
    expect(inserted.rows).toHaveLength(1);
    const history = await runtime.query(`SELECT count(*) FROM _prisma_migrations`);
    expect(Number(history.rows[0].count)).toBeGreaterThan(0);
    await runtime.query(`SELECT pg_advisory_lock(42); SELECT pg_advisory_unlock(42)`);
    await runtime.query(`LISTEN some_channel; NOTIFY some_channel; UNLISTEN some_channel`);
  });

  it.each([
    ["UPDATE an audit row", `UPDATE "AuditEvent" SET "action" = 'inquiry.viewed'`],
    ["DELETE audit rows", `DELETE FROM "AuditEvent"`],
    ["TRUNCATE the audit table", `TRUNCATE "AuditEvent"`],
    ["disable the audit trigger", `ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`],
    ["disable every audit trigger", `ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`],
    ["DROP the audit table", `DROP TABLE "AuditEvent"`],
    ["DROP an app table", `DROP TABLE "Inquiry"`],
    ["TRUNCATE an app table", `TRUNCATE "Inquiry"`],
    ["ALTER an app table", `ALTER TABLE "Inquiry" ADD COLUMN "x" int`],
    ["skip triggers with session_replication_role", `SET session_replication_role = replica`],
    ["CREATE a table", `CREATE TABLE "Intruder" ("id" int)`],
    ["rewrite the migration history", `DELETE FROM _prisma_migrations`],
    ["add to the migration history", `INSERT INTO _prisma_migrations (id, checksum, migration_name) VALUES ('x', 'x', 'x')`],
    ["drop the trigger function", `DROP FUNCTION "AuditEvent_reject_change"()`],
  ])("cannot %s", async (_what, statement) => {
    await expect(runtime.query(statement)).rejects.toMatchObject({ code: INSUFFICIENT_PRIVILEGE });
  });

  it("cannot grant itself more (PostgreSQL only warns; nothing changes)", async () => {
    await runtime.query(`GRANT UPDATE, DELETE, TRUNCATE ON "AuditEvent" TO ${RUNTIME_ROLE}`);
    const { rows } = await runtime.query<{ update: boolean; truncate: boolean }>(
      `SELECT has_table_privilege($1, '"AuditEvent"', 'UPDATE') AS update, has_table_privilege($1, '"AuditEvent"', 'TRUNCATE') AS truncate`,
      [RUNTIME_ROLE],
    );
    expect(rows[0]).toEqual({ update: false, truncate: false });
  });

  it("holds exactly the intended table privileges after a further migration run", async () => {
    // Nothing pending: the run still re-applies the grants, idempotently.
    await applyMigrations({
      databaseUrl: db.ownerUrl,
      migrationsDir: path.resolve(__dirname, "../../../prisma/migrations"),
      runtimeDatabaseUrl: asRuntimeRole(db.ownerUrl),
    });
    const { rows } = await owner.query<{ table_name: string; privileges: string }>(
      `SELECT table_name, string_agg(privilege_type, ',' ORDER BY privilege_type) AS privileges
         FROM information_schema.role_table_grants
        WHERE grantee = $1 AND table_schema = current_schema()
        GROUP BY table_name`,
      [RUNTIME_ROLE],
    );
    const tables = await owner.query<{ relname: string }>(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')`,
    );
    const expected = Object.fromEntries(
      tables.rows.map(({ relname }) => [
        relname,
        relname === "AuditEvent" ? "INSERT,SELECT" : relname === "_prisma_migrations" ? "SELECT" : "DELETE,INSERT,SELECT,UPDATE",
      ]),
    );
    expect(Object.fromEntries(rows.map((row) => [row.table_name, row.privileges]))).toEqual(expected);
  });
});
