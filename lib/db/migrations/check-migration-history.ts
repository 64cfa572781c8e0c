import { MigrationError } from "./migration-error";
import type { MigrationFile } from "./read-migration-files";
import type { MigrationRecord } from "./load-migration-records";
import { verifyMigrationChecksum } from "./verify-migration-checksum";

/**
 * Refuses to go on when the recorded history cannot be trusted: a migration that
 * started but neither finished nor was marked rolled back (Prisma's P3009), or
 * an applied migration whose file has been edited since. Returns the names of
 * the migrations that count as applied.
 */
export function checkMigrationHistory(options: {
  files: MigrationFile[];
  records: MigrationRecord[];
}): Set<string> {
  const live = options.records.filter((record) => record.rolledBackAt === null);

  const failed = live.find((record) => record.finishedAt === null);
  if (failed) {
    throw new MigrationError(
      "failed-migration-recorded",
      `Migration ${failed.migrationName} started at ${failed.startedAt.toISOString()} and failed` +
        (failed.logs?.trim() ? `:\n${failed.logs.trim()}\n` : ". ") +
        "No further migrations will be applied until it is resolved: repair the database by hand, then mark it " +
        `rolled back (\`prisma migrate resolve --rolled-back ${failed.migrationName}\`, or ` +
        `UPDATE _prisma_migrations SET rolled_back_at = now() WHERE id = '${failed.id}').`,
      failed.migrationName,
    );
  }

  const filesByName = new Map(options.files.map((file) => [file.name, file]));
  for (const record of live) {
    const file = filesByName.get(record.migrationName);
    if (file && !verifyMigrationChecksum({ script: file.script, checksum: record.checksum })) {
      throw new MigrationError(
        "checksum-mismatch",
        `Migration ${record.migrationName} was modified after it was applied (its checksum no longer matches ` +
          "the one recorded in _prisma_migrations). Restore the original migration.sql " +
          "and put the change in a new migration.",
        record.migrationName,
      );
    }
  }

  return new Set(live.map((record) => record.migrationName));
}
