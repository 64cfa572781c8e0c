import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { Client } from "pg";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { MigrationError } from "@/lib/db/migrations/migration-error";
import { createMigrationsDir, REPO_MIGRATIONS_DIR } from "@/__tests__/support/create-migrations-dir";
import { createScratchDatabase, type ScratchDatabase } from "@/__tests__/support/scratch-database";

const INIT = "20261126000000_init";
// Every migration in the repository, in the order they apply.
const ALL = readdirSync(REPO_MIGRATIONS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe("applyMigrations", () => {
  let db: ScratchDatabase;
  let client: Client;
  const cleanups: (() => Promise<void>)[] = [];

  beforeEach(async () => {
    db = await createScratchDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
  });
  afterEach(async () => {
    await client.end();
    await db.drop();
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function migrationsWith(extra: Record<string, string>): Promise<string> {
    const { dir, remove } = await createMigrationsDir({ extra });
    cleanups.push(remove);
    return dir;
  }

  async function bookkeeping() {
    const { rows } = await client.query<{
      id: string;
      checksum: string;
      migration_name: string;
      logs: string | null;
      started_at: Date;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      applied_steps_count: number;
    }>("SELECT * FROM _prisma_migrations ORDER BY started_at");
    return rows;
  }

  async function tableExists(name: string): Promise<boolean> {
    const { rows } = await client.query<{ exists: boolean }>("SELECT to_regclass($1) IS NOT NULL AS exists", [
      `"${name}"`,
    ]);
    return rows[0]?.exists === true;
  }

  it("applies the repository's migrations to an empty database, then has nothing left to do", async () => {
    const messages: string[] = [];
    const log = (message: string) => messages.push(message);
    const first = await applyMigrations({ databaseUrl: db.url, migrationsDir: REPO_MIGRATIONS_DIR, log });

    expect(first).toEqual({ applied: ALL, alreadyApplied: [] });
    expect(messages).toEqual(ALL.map((name) => `Applying migration ${name}`));
    expect(await tableExists("Inquiry")).toBe(true);

    const second = await applyMigrations({ databaseUrl: db.url, migrationsDir: REPO_MIGRATIONS_DIR });
    expect(second).toEqual({ applied: [], alreadyApplied: ALL });
    expect(await bookkeeping()).toHaveLength(ALL.length);
  });

  it("keeps bookkeeping rows exactly as Prisma Migrate writes them", async () => {
    await applyMigrations({ databaseUrl: db.url, migrationsDir: REPO_MIGRATIONS_DIR });

    const bytes = await readFile(path.join(REPO_MIGRATIONS_DIR, INIT, "migration.sql"));
    const [row] = await bookkeeping();
    expect(row).toMatchObject({
      checksum: createHash("sha256").update(bytes).digest("hex"),
      migration_name: INIT,
      logs: null,
      rolled_back_at: null,
      applied_steps_count: 1,
    });
    expect(row?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(row?.finished_at?.getTime()).toBeGreaterThanOrEqual(row?.started_at.getTime() ?? Infinity);

    const { rows: columns } = await client.query<{ column: string }>(
      `SELECT concat_ws(' ', column_name, format_type(atttypid, atttypmod),
                        CASE WHEN attnotnull THEN 'NOT NULL' END, 'DEFAULT ' || column_default) AS "column"
         FROM information_schema.columns
         JOIN pg_attribute ON attrelid = '_prisma_migrations'::regclass AND attname = column_name
        WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => c.column)).toEqual([
      "id character varying(36) NOT NULL",
      "checksum character varying(64) NOT NULL",
      "finished_at timestamp with time zone",
      "migration_name character varying(255) NOT NULL",
      "logs text",
      "rolled_back_at timestamp with time zone",
      "started_at timestamp with time zone NOT NULL DEFAULT now()",
      "applied_steps_count integer NOT NULL DEFAULT 0",
    ]);
  });

  it("applies once when two runs start at the same time", async () => {
    const runs = await Promise.all([
      applyMigrations({ databaseUrl: db.url, migrationsDir: REPO_MIGRATIONS_DIR }),
      applyMigrations({ databaseUrl: db.url, migrationsDir: REPO_MIGRATIONS_DIR }),
    ]);

    expect(runs.flatMap((run) => run.applied)).toEqual(ALL);
    expect(runs.flatMap((run) => run.alreadyApplied)).toEqual(ALL);
    expect(await bookkeeping()).toHaveLength(ALL.length);
  });

  it("refuses to continue when an applied migration was edited, naming it", async () => {
    const dir = await migrationsWith({});
    await applyMigrations({ databaseUrl: db.url, migrationsDir: dir });
    const file = path.join(dir, INIT, "migration.sql");
    await writeFile(file, `${await readFile(file, "utf8")}\nCREATE TABLE "Sneaky" (id int);\n`);

    const run = applyMigrations({ databaseUrl: db.url, migrationsDir: dir });

    await expect(run).rejects.toThrow(MigrationError);
    await expect(applyMigrations({ databaseUrl: db.url, migrationsDir: dir })).rejects.toMatchObject({
      code: "checksum-mismatch",
      migrationName: INIT,
      message: expect.stringContaining(INIT),
    });
    expect(await tableExists("Sneaky")).toBe(false);
  });

  it("accepts an applied migration whose only change is CRLF line endings", async () => {
    const dir = await migrationsWith({});
    await applyMigrations({ databaseUrl: db.url, migrationsDir: dir });
    const file = path.join(dir, INIT, "migration.sql");
    await writeFile(file, (await readFile(file, "utf8")).replaceAll("\n", "\r\n"));

    await expect(applyMigrations({ databaseUrl: db.url, migrationsDir: dir })).resolves.toEqual({
      applied: [],
      alreadyApplied: ALL,
    });
  });

  it("rolls a failing migration back entirely and records the failed attempt", async () => {
    const broken = "29991231000000_broken"; // after every real migration
    const dir = await migrationsWith({
      [broken]: 'CREATE TABLE "HalfDone" (id int);\nINSERT INTO "HalfDone" VALUES (1);\nSELECT 1 / 0;\n',
    });

    await expect(applyMigrations({ databaseUrl: db.url, migrationsDir: dir })).rejects.toMatchObject({
      code: "migration-failed",
      migrationName: broken,
      message: expect.stringContaining("division by zero"),
    });

    expect(await tableExists("Inquiry")).toBe(true);
    expect(await tableExists("HalfDone")).toBe(false);
    const rows = await bookkeeping();
    const summary = rows.map((r) => ({
      name: r.migration_name,
      steps: r.applied_steps_count,
      finished: r.finished_at !== null,
      rolledBack: r.rolled_back_at !== null,
    }));
    expect(summary).toEqual([
      ...ALL.map((name) => ({ name, steps: 1, finished: true, rolledBack: false })),
      { name: broken, steps: 0, finished: false, rolledBack: true },
    ]);
    expect(rows[ALL.length]?.logs).toMatch(/Database error code: 22012[\s\S]*division by zero/);

    // Once fixed, the next run applies it.
    await writeFile(path.join(dir, broken, "migration.sql"), 'CREATE TABLE "HalfDone" (id int);\n');
    await expect(applyMigrations({ databaseUrl: db.url, migrationsDir: dir })).resolves.toEqual({
      applied: [broken],
      alreadyApplied: ALL,
    });
  });

  it("refuses to go on after a failure recorded by Prisma Migrate itself (P3009)", async () => {
    await applyMigrations({ databaseUrl: db.url, migrationsDir: REPO_MIGRATIONS_DIR });
    await client.query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, logs, started_at)
       VALUES ('00000000-0000-4000-8000-000000000000', 'x', '20261127000000_crashed', 'boom', now())`,
    );

    await expect(applyMigrations({ databaseUrl: db.url, migrationsDir: REPO_MIGRATIONS_DIR })).rejects.toMatchObject({
      code: "failed-migration-recorded",
      migrationName: "20261127000000_crashed",
      message: expect.stringContaining("20261127000000_crashed"),
    });
  });

  it("refuses a database that has tables but no migration history", async () => {
    await client.query("CREATE TABLE stray (id int)");

    await expect(applyMigrations({ databaseUrl: db.url, migrationsDir: REPO_MIGRATIONS_DIR })).rejects.toMatchObject({
      code: "schema-not-empty",
    });
  });

  it("reports an unreachable database without leaking the password", async () => {
    const url = new URL(db.url);
    url.password = "s3cret-value";
    url.port = "1";

    const run = applyMigrations({ databaseUrl: url.toString(), migrationsDir: REPO_MIGRATIONS_DIR });

    await expect(run).rejects.toMatchObject({ code: "connection-failed" });
    await expect(run).rejects.not.toThrow("s3cret-value");
  });
});
