import { randomUUID } from "node:crypto";
import type { ClientBase } from "pg";
import { MigrationError } from "./migration-error";
import type { MigrationFile } from "./read-migration-files";

/**
 * Runs one migration and writes its `_prisma_migrations` row in the same
 * transaction, so the database never holds half a migration or a schema change
 * without its record. Scripts therefore must not manage transactions themselves
 * (no BEGIN/COMMIT, no CREATE INDEX CONCURRENTLY).
 *
 * On failure the transaction is rolled back and the attempt is recorded with
 * the error in `logs` and `rolled_back_at` set: unlike Prisma, which cannot
 * know how far a script got, we know nothing of it remains, so the next run may
 * simply try the (fixed) migration again, and `prisma migrate status` reports
 * it as not yet applied, which is the truth.
 */
export async function applyMigrationFile(options: { client: ClientBase; migration: MigrationFile }): Promise<void> {
  const { client, migration } = options;
  // The database's clock, kept for the failure record written after ROLLBACK.
  const { rows } = await client.query<{ startedAt: Date }>('SELECT now() AS "startedAt"');
  const startedAt = rows[0]?.startedAt ?? new Date();
  try {
    await client.query("BEGIN");
    // No parameters: pg sends the script with the simple query protocol, which
    // runs a multi-statement script, as Prisma does.
    await client.query(migration.script);
    await client.query(
      `INSERT INTO _prisma_migrations (id, checksum, started_at, finished_at, migration_name, applied_steps_count)
       VALUES ($1, $2, now(), clock_timestamp(), $3, 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await client.query("COMMIT");
  } catch (error) {
    const logs = describeDatabaseError(error);
    await recordFailure(client, { ...migration, startedAt, logs });
    throw new MigrationError(
      "migration-failed",
      `Migration ${migration.name} failed and was rolled back; nothing of it was applied. ` +
        `Fix it and run the migrations again.\n${logs}`,
      migration.name,
    );
  }
}

async function recordFailure(
  client: ClientBase,
  attempt: MigrationFile & { startedAt: Date; logs: string },
): Promise<void> {
  try {
    await client.query("ROLLBACK");
  } catch {
    // The connection is gone: the server has already rolled the transaction
    // back, there is nothing half-applied and nowhere to record the attempt.
    return;
  }
  await client.query(
    `INSERT INTO _prisma_migrations
            (id, checksum, started_at, rolled_back_at, migration_name, logs, applied_steps_count)
     VALUES ($1, $2, $3, clock_timestamp(), $4, $5, 0)`,
    [randomUUID(), attempt.checksum, attempt.startedAt, attempt.name, attempt.logs],
  );
}

// Worded like Prisma's P3018 error, so the logs read the same whoever applied it.
function describeDatabaseError(error: unknown): string {
  const fields = typeof error === "object" && error !== null ? error : {};
  const code = "code" in fields && typeof fields.code === "string" ? fields.code : "none";
  const message = "message" in fields && typeof fields.message === "string" ? fields.message : String(error);
  return `Database error code: ${code}\nDatabase error:\n${message}`;
}
