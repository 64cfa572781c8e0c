import { checkMigrationHistory } from "@/lib/db/migrations/check-migration-history";
import { loadMigrationRecords } from "@/lib/db/migrations/load-migration-records";
import { MigrationError } from "@/lib/db/migrations/migration-error";
import { readMigrationFiles } from "@/lib/db/migrations/read-migration-files";
import type { PreflightContext } from "@/lib/startup/preflight/preflight-check";
import { StartupRefusedError } from "@/lib/startup/startup-refused-error";

const RUN_MIGRATE = "Run `npm run db:migrate` (as the owner role, MIGRATION_DATABASE_URL) and start again.";

/**
 * The server never changes the schema: every migration folder shipped with
 * this build must be applied, unchanged, and none may have failed half-way.
 */
export async function checkMigrationsApplied(context: PreflightContext): Promise<void> {
  const files = await readMigrationFiles({ migrationsDir: context.migrationsDir });
  const table = await context.client.query<{ found: string | null }>("SELECT to_regclass('_prisma_migrations')::text AS found");
  if (!table.rows[0]?.found) {
    throw new StartupRefusedError(`The database has no migration history (_prisma_migrations): it was never migrated. ${RUN_MIGRATE}`);
  }
  let applied: Set<string>;
  try {
    applied = checkMigrationHistory({ files, records: await loadMigrationRecords({ client: context.client }) });
  } catch (error) {
    if (error instanceof MigrationError) throw new StartupRefusedError(error.message);
    throw error;
  }
  const pending = files.filter((file) => !applied.has(file.name)).map((file) => file.name);
  if (pending.length > 0) {
    throw new StartupRefusedError(`${pending.length} migration(s) not applied to this database: ${pending.join(", ")}. ${RUN_MIGRATE}`);
  }
}
