import { checkMigrationHistory } from "@/lib/db/migrations/check-migration-history";
import { computeMigrationChecksum } from "@/lib/db/migrations/compute-migration-checksum";
import type { MigrationRecord } from "@/lib/db/migrations/load-migration-records";
import type { MigrationFile } from "@/lib/db/migrations/read-migration-files";

function file(name: string, script: string): MigrationFile {
  return { name, script, checksum: computeMigrationChecksum({ script }) };
}

function record(migration: MigrationFile, overrides: Partial<MigrationRecord> = {}): MigrationRecord {
  return {
    id: `id-${migration.name}`,
    migrationName: migration.name,
    checksum: migration.checksum,
    startedAt: new Date("2026-11-26T10:00:00Z"),
    finishedAt: new Date("2026-11-26T10:00:01Z"),
    rolledBackAt: null,
    logs: null,
    ...overrides,
  };
}

describe("checkMigrationHistory", () => {
  const init = file("20260101000000_init", "CREATE TABLE a (id int);");
  const second = file("20260201000000_second", "CREATE TABLE b (id int);");

  it("returns the applied migrations", () => {
    expect(checkMigrationHistory({ files: [init, second], records: [record(init)] })).toEqual(new Set([init.name]));
  });

  it("refuses a migration recorded as started but neither finished nor rolled back", () => {
    const failed = record(second, { finishedAt: null, logs: "relation already exists" });
    expect(() => checkMigrationHistory({ files: [init, second], records: [record(init), failed] })).toThrow(
      expect.objectContaining({ code: "failed-migration-recorded", migrationName: second.name }),
    );
  });

  it("treats rolled-back attempts as not applied", () => {
    const rolledBack = record(second, { finishedAt: null, rolledBackAt: new Date(), checksum: "old" });
    expect(checkMigrationHistory({ files: [init, second], records: [record(init), rolledBack] })).toEqual(
      new Set([init.name]),
    );
  });

  it("refuses an applied migration whose file has changed, naming it", () => {
    const edited = { ...init, script: `${init.script}\nDROP TABLE a;` };
    expect(() => checkMigrationHistory({ files: [edited], records: [record(init)] })).toThrow(
      expect.objectContaining({ code: "checksum-mismatch", migrationName: init.name }),
    );
    expect(() => checkMigrationHistory({ files: [edited], records: [record(init)] })).toThrow(init.name);
  });

  it("leaves applied migrations that are no longer on disk alone", () => {
    expect(checkMigrationHistory({ files: [second], records: [record(init)] })).toEqual(new Set([init.name]));
  });
});
