export type MigrationErrorCode =
  | "migrations-dir-missing"
  | "connection-failed"
  | "schema-not-empty"
  | "failed-migration-recorded"
  | "checksum-mismatch"
  | "migration-failed"
  | "grants-failed";

/**
 * An expected failure of the migration runner. The message names the migration
 * and says what to do; callers print it as is, without a stack trace.
 */
export class MigrationError extends Error {
  override readonly name = "MigrationError";

  constructor(
    readonly code: MigrationErrorCode,
    message: string,
    readonly migrationName?: string,
  ) {
    super(message);
  }
}
