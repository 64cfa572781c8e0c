import type { ClientBase } from "pg";
import { MigrationError } from "./migration-error";

// Prisma Migrate's own DDL for PostgreSQL (sql-schema-connector, flavour/postgres.rs),
// so the table is indistinguishable from one created by `prisma migrate deploy`.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);
`;

/**
 * Creates `_prisma_migrations` in the connection's current schema when it is
 * missing. Like Prisma (error P3005), refuses a schema that already holds tables
 * but no migration history: applying the first migration there would clash.
 * Call while holding the migration lock.
 */
export async function ensureMigrationsTable(options: { client: ClientBase }): Promise<void> {
  const { rows } = await options.client.query<{ relname: string }>(
    `SELECT c.relname FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')`,
  );
  const tables = rows.map((row) => row.relname);
  if (tables.includes("_prisma_migrations")) return;
  if (tables.length > 0) {
    throw new MigrationError(
      "schema-not-empty",
      `The database schema is not empty (it has ${tables.length} table(s)) but has no _prisma_migrations table. ` +
        "Baseline it (https://pris.ly/d/migrate-baseline) or migrate an empty database.",
    );
  }
  await options.client.query(CREATE_MIGRATIONS_TABLE);
}
