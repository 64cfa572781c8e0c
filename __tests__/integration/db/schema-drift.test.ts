import { readFile } from "node:fs/promises";
import path from "node:path";
import { Client } from "pg";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { createMigrationsDir } from "@/__tests__/support/create-migrations-dir";
import { createScratchDatabase, type ScratchDatabase } from "@/__tests__/support/scratch-database";
import { findSchemaDrift } from "@/__tests__/support/schema-drift/find-schema-drift";

// schema.prisma and prisma/migrations must describe the same database: every
// table, column (type, length, precision, nullability, default), enum value,
// key, index and foreign key, and nothing more.
describe("schema drift", () => {
  let schema: string;
  let db: ScratchDatabase;
  let client: Client;

  beforeAll(async () => {
    schema = await readFile(path.resolve(__dirname, "../../../prisma/schema.prisma"), "utf8");
  });
  beforeEach(async () => {
    db = await createScratchDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
  });
  afterEach(async () => {
    await client.end();
    await db.drop();
  });

  it("finds none between schema.prisma and the migrations", async () => {
    await applyMigrations({ databaseUrl: db.url });

    expect(await findSchemaDrift({ client, schema })).toEqual([]);
  });

  it("reports exactly what a mismatched migration changed", async () => {
    const { dir, remove } = await createMigrationsDir({
      extra: {
        "20990101000000_drift": [
          'ALTER TABLE "Inquiry" ADD COLUMN "nickname" TEXT;',
          'DROP INDEX "Inquiry_phoneHash_idx";',
          "ALTER TYPE \"Urgency\" ADD VALUE 'LOW';",
          'ALTER TABLE "Notification" ALTER COLUMN "attempts" DROP DEFAULT;',
          'ALTER TABLE "AuditEvent" ALTER COLUMN "action" TYPE VARCHAR(128);',
          'ALTER TABLE "ConsentRecord" DROP CONSTRAINT "ConsentRecord_inquiryId_fkey";',
          'ALTER TABLE "ConsentRecord" ADD CONSTRAINT "ConsentRecord_inquiryId_fkey" FOREIGN KEY ("inquiryId")',
          '  REFERENCES "Inquiry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;',
          'CREATE TABLE "Scratch" ("id" INTEGER NOT NULL);',
        ].join("\n"),
      },
    });
    try {
      await applyMigrations({ databaseUrl: db.url, migrationsDir: dir });
    } finally {
      await remove();
    }

    expect(await findSchemaDrift({ client, schema })).toEqual([
      'differs: column "AuditEvent"."action": schema.prisma says character varying(64) NOT NULL; ' +
        "the database has character varying(128) NOT NULL",
      'differs: column "Notification"."attempts": schema.prisma says integer NOT NULL DEFAULT 0; ' +
        "the database has integer NOT NULL",
      `differs: enum "Urgency": schema.prisma says 'ROUTINE', 'URGENT'; the database has 'ROUTINE', 'URGENT', 'LOW'`,
      'differs: foreign key "ConsentRecord"."ConsentRecord_inquiryId_fkey": schema.prisma says ("inquiryId") ' +
        'REFERENCES "Inquiry" ("id") ON DELETE CASCADE ON UPDATE CASCADE; the database has ("inquiryId") ' +
        'REFERENCES "Inquiry" ("id") ON DELETE RESTRICT ON UPDATE CASCADE',
      'missing from the database: index "Inquiry_phoneHash_idx" (ON "Inquiry" USING btree ("phoneHash" ASC))',
      'not in schema.prisma: column "Inquiry"."nickname" (text NULL)',
      'not in schema.prisma: column "Scratch"."id" (integer NOT NULL)',
      'not in schema.prisma: table "Scratch" (exists)',
    ]);
  });
});
