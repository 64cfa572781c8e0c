import "server-only";
import path from "node:path";
import type { Pool } from "pg";
import { readMigrationFiles } from "@/lib/db/migrations/read-migration-files";

// The migrations this build ships, read once per process: they cannot change
// under a running server.
let shipped: Promise<string[]> | undefined;

function shippedMigrationNames(): Promise<string[]> {
  shipped ??= readMigrationFiles({ migrationsDir: path.resolve("prisma", "migrations") })
    .then((files) => files.map((file) => file.name))
    .catch((error: unknown) => {
      shipped = undefined;
      throw error;
    });
  return shipped;
}

/** How many of this build's migrations the database has not finished applying (0 = current). */
export async function countPendingMigrations(pool: Pool): Promise<number> {
  const names = await shippedMigrationNames();
  const { rows } = await pool.query<{ name: string }>({
    name: "applied-migration-names-v1",
    text: `SELECT migration_name AS "name" FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  });
  const applied = new Set(rows.map((row) => row.name));
  return names.filter((name) => !applied.has(name)).length;
}
