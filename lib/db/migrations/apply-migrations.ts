import path from "node:path";
import { Client } from "pg";
import { acquireMigrationLock } from "./acquire-migration-lock";
import { applyMigrationFile } from "./apply-migration-file";
import { applyRuntimeGrants } from "./apply-runtime-grants";
import { checkMigrationHistory } from "./check-migration-history";
import { ensureMigrationsTable } from "./ensure-migrations-table";
import { loadMigrationRecords } from "./load-migration-records";
import { MigrationError } from "./migration-error";
import { readMigrationFiles } from "./read-migration-files";

export type ApplyMigrationsResult = { applied: string[]; alreadyApplied: string[] };

/**
 * Applies the pending migrations in `migrationsDir` (Prisma Migrate's folder
 * layout) with Prisma Migrate's bookkeeping, without Prisma's schema engine.
 * Safe to call from several processes at once: they queue on Prisma's advisory
 * lock, and the later ones find nothing left to do.
 */
export async function applyMigrations(options: {
  databaseUrl: string;
  /** Defaults to prisma/migrations under the working directory (npm scripts run from the repository root). */
  migrationsDir?: string;
  /**
   * The app's connection (DATABASE_URL). Its user is made a member of the
   * runtime role when it differs from the migrating one.
   */
  runtimeDatabaseUrl?: string;
  log?: (message: string) => void;
}): Promise<ApplyMigrationsResult> {
  const log = options.log ?? (() => {});
  const files = await readMigrationFiles({
    migrationsDir: options.migrationsDir ?? path.resolve("prisma", "migrations"),
  });

  const client = new Client({ connectionString: options.databaseUrl, application_name: "migrate" });
  // Without a listener a dropped connection is an uncaught exception; the
  // pending query rejects anyway and reports the failure.
  client.on("error", (error) => log(`Database connection error: ${error.message}`));
  await connect(client, options.databaseUrl);
  try {
    const release = await acquireMigrationLock({ client, log });
    try {
      await ensureMigrationsTable({ client });
      const records = await loadMigrationRecords({ client });
      const appliedNames = checkMigrationHistory({ files, records });

      const result: ApplyMigrationsResult = { applied: [], alreadyApplied: [] };
      for (const migration of files) {
        if (appliedNames.has(migration.name)) {
          result.alreadyApplied.push(migration.name);
          continue;
        }
        log(`Applying migration ${migration.name}`);
        await applyMigrationFile({ client, migration });
        result.applied.push(migration.name);
      }
      // Every run, even with nothing pending: the grants are the runner's to keep.
      await applyRuntimeGrants({ client, runtimeUser: userOf(options.runtimeDatabaseUrl) });
      return result;
    } finally {
      // A failed unlock means the session is broken; the server drops session
      // locks with the session, and client.end() below closes it either way.
      await release().catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}

function userOf(databaseUrl: string | undefined): string | undefined {
  if (!databaseUrl) return undefined;
  try {
    return decodeURIComponent(new URL(databaseUrl).username) || undefined;
  } catch {
    return undefined;
  }
}

async function connect(client: Client, databaseUrl: string): Promise<void> {
  try {
    await client.connect();
  } catch (error) {
    const reason =
      typeof error === "object" && error !== null && "message" in error ? String(error.message) : String(error);
    throw new MigrationError("connection-failed", `Could not connect to ${describeTarget(databaseUrl)}: ${reason}`);
  }
}

// Host, port and database only: the URL's password must never reach a log.
function describeTarget(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `the database ${url.pathname.slice(1) || "(default)"} on ${url.hostname}:${url.port || "5432"}`;
  } catch {
    return "the database (DATABASE_URL is not a valid URL)";
  }
}
