import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { computeMigrationChecksum } from "@/lib/db/migrations/compute-migration-checksum";
import { MigrationError } from "@/lib/db/migrations/migration-error";
import { readMigrationFiles } from "@/lib/db/migrations/read-migration-files";

describe("readMigrationFiles", () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "read-migrations-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function addMigration(name: string, sql: string | Buffer): Promise<void> {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }

  it("returns migration folders in name order, whatever order they were created in", async () => {
    await addMigration("20260301000000_c", "SELECT 3;");
    await addMigration("20260101000000_a", "SELECT 1;");
    await addMigration("20260201000000_b", "SELECT 2;");

    const files = await readMigrationFiles({ migrationsDir: dir });

    expect(files.map((f) => f.name)).toEqual(["20260101000000_a", "20260201000000_b", "20260301000000_c"]);
    expect(files[0]).toEqual({
      name: "20260101000000_a",
      script: "SELECT 1;",
      checksum: computeMigrationChecksum({ script: "SELECT 1;" }),
    });
  });

  it("orders by code unit like Prisma, not by locale (upper case sorts first)", async () => {
    await addMigration("20260101000000_add_b", "SELECT 1;");
    await addMigration("20260101000000_Add_a", "SELECT 2;");

    const files = await readMigrationFiles({ migrationsDir: dir });

    expect(files.map((f) => f.name)).toEqual(["20260101000000_Add_a", "20260101000000_add_b"]);
  });

  it("skips folders without migration.sql and loose files such as migration_lock.toml", async () => {
    await addMigration("20260101000000_a", "SELECT 1;");
    await mkdir(path.join(dir, "20260102000000_draft"));
    await writeFile(path.join(dir, "20260102000000_draft", "notes.md"), "not yet");
    await writeFile(path.join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');

    const files = await readMigrationFiles({ migrationsDir: dir });

    expect(files.map((f) => f.name)).toEqual(["20260101000000_a"]);
  });

  it("checksums the file's exact bytes, byte-order mark and CRLF included", async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("SELECT 1;\r\n")]);
    await addMigration("20260101000000_a", bytes);

    const [file] = await readMigrationFiles({ migrationsDir: dir });

    expect(file?.checksum).toBe(computeMigrationChecksum({ script: bytes }));
  });

  it("reports a missing migrations folder as an expected error", async () => {
    const missing = path.join(dir, "nope");
    await expect(readMigrationFiles({ migrationsDir: missing })).rejects.toThrow(MigrationError);
    await expect(readMigrationFiles({ migrationsDir: missing })).rejects.toMatchObject({
      code: "migrations-dir-missing",
    });
  });
});
