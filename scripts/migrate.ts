// `npm run db:migrate`: applies pending migrations in prisma/migrations to
// DATABASE_URL with Prisma Migrate's bookkeeping (see lib/db/migrations).
import { applyMigrations } from "../lib/db/migrations/apply-migrations";
import { MigrationError } from "../lib/db/migrations/migration-error";

async function main(): Promise<number> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error("DATABASE_URL is not set. Set it to the PostgreSQL database to migrate, e.g.\n" +
      "  DATABASE_URL=postgresql://user@localhost:5432/iop_intake npm run db:migrate");
    return 1;
  }

  const { applied, alreadyApplied } = await applyMigrations({ databaseUrl, log: (message) => console.log(message) });
  if (applied.length === 0) {
    console.log(`Database is up to date (${alreadyApplied.length} migration(s) already applied).`);
  } else {
    console.log(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);
  }
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
