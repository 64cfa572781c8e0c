// `npm run db:migrate`: applies pending migrations in prisma/migrations with
// Prisma Migrate's bookkeeping (see lib/db/migrations), as the owner role
// (MIGRATION_DATABASE_URL, or DATABASE_URL where one role does both), then
// keeps the runtime role's grants (lib/db/migrations/apply-runtime-grants.ts)
// and makes DATABASE_URL's user a member of it.
import path from "node:path";
import { loadEnvConfig } from "@next/env";
import { applyMigrations } from "../lib/db/migrations/apply-migrations";
import { MigrationError } from "../lib/db/migrations/migration-error";
import { RUNTIME_ROLE } from "../lib/db/migrations/apply-runtime-grants";

const ROOT = path.resolve(__dirname, "..");

async function main(): Promise<number> {
  loadEnvConfig(ROOT, process.env.NODE_ENV === "development", { info: () => {}, error: (message) => console.error(message) });
  const runtimeUrl = process.env.DATABASE_URL || undefined;
  const ownerUrl = process.env.MIGRATION_DATABASE_URL || runtimeUrl;
  if (!ownerUrl) {
    console.error("Neither MIGRATION_DATABASE_URL nor DATABASE_URL is set. Set the owner role's connection, e.g.\n" +
      "  MIGRATION_DATABASE_URL=postgresql://iop_owner@localhost:5432/iop_intake \\\n" +
      "  DATABASE_URL=postgresql://iop_app@localhost:5432/iop_intake npm run db:migrate");
    return 1;
  }

  const { applied, alreadyApplied } = await applyMigrations({
    databaseUrl: ownerUrl,
    migrationsDir: path.join(ROOT, "prisma", "migrations"),
    runtimeDatabaseUrl: runtimeUrl,
    log: (message) => console.log(message),
  });
  if (applied.length === 0) {
    console.log(`Database is up to date (${alreadyApplied.length} migration(s) already applied).`);
  } else {
    console.log(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);
  }
  console.log(`Runtime grants applied to ${RUNTIME_ROLE}${runtimeUrl && ownerUrl !== runtimeUrl ? " (DATABASE_URL's user is a member)" : ""}.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof MigrationError) {
      console.error(`Migration failed: ${error.message}`);
    } else {
      console.error(error);
    }
    process.exit(1);
  },
);
