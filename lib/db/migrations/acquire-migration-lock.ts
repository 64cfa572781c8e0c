import type { ClientBase } from "pg";

// The advisory lock key Prisma Migrate takes (flavour/postgres.rs), so this runner
// and `prisma migrate deploy` also exclude each other.
const PRISMA_MIGRATE_LOCK_KEY = 72707369;

/**
 * Takes the session-level migration lock on `client`, waiting for any other
 * migration run to finish first. Returns the function that releases it.
 */
export async function acquireMigrationLock(options: {
  client: ClientBase;
  log: (message: string) => void;
}): Promise<() => Promise<void>> {
  const { client, log } = options;
  const attempt = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
    PRISMA_MIGRATE_LOCK_KEY,
  ]);
  if (!attempt.rows[0]?.locked) {
    log("Another migration run holds the lock; waiting for it to finish.");
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
  }
  return async () => {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
  };
}
