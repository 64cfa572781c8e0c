import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { buildDatabaseUrl } from "@/lib/db/embedded/build-database-url";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { ROOT } from "./paths";
import { withClient } from "./pg-session";

export type BenchDatabase = { url: string; name: string; statementStats: boolean; drop(): Promise<void> };

const PREFIX = "bench_";

// The baseline server's table: the Inquiry row's columns (plaintext where the
// app stores ciphertext), none of its companions (consents, outbox, audit).
const BASELINE_TABLE = `
  CREATE TABLE bench_baseline_inquiry (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    reference_code varchar(9) NOT NULL UNIQUE,
    idempotency_key varchar(64) NOT NULL UNIQUE,
    requester_type text NOT NULL,
    urgency text NOT NULL,
    locale varchar(8) NOT NULL,
    preferred_language varchar(8) NOT NULL,
    preferred_contact_method text NOT NULL,
    best_times varchar(16)[],
    first_name text NOT NULL,
    phone text,
    email text,
    message text,
    created_at timestamptz(3) NOT NULL DEFAULT now()
  )`;

/**
 * A fresh database `bench_<random>` on `serverUrl`, migrated, with the
 * baseline table and (where the server allows) pg_stat_statements. drop()
 * removes it. On a server of its own (embedded) the benchmark first drops
 * databases that interrupted runs left behind.
 */
export async function createBenchDatabase(options: {
  serverUrl: string;
  dropLeftovers: boolean;
  log: (message: string) => void;
}): Promise<BenchDatabase> {
  const name = `${PREFIX}${randomBytes(5).toString("hex")}`;
  const url = buildDatabaseUrl({ serverUrl: options.serverUrl, name });
  await withClient(options.serverUrl, async (client) => {
    if (options.dropLeftovers) {
      const { rows } = await client.query<{ datname: string }>(
        `SELECT datname FROM pg_database d WHERE datname LIKE 'bench\\_%'
           AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)`,
      );
      for (const row of rows) {
        await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(row.datname)}`);
        options.log(`dropped ${row.datname}, left by an interrupted run`);
      }
    }
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  });
  const drop = async () => {
    try {
      await withClient(options.serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`));
    } catch (error) {
      // On Ctrl-C the embedded server gets the signal too and may be gone already.
      if (!options.dropLeftovers) throw error;
      options.log(`database ${name} left behind (its server is stopping); the next run drops it`);
    }
  };
  try {
    const { applied } = await applyMigrations({ databaseUrl: url, migrationsDir: path.join(ROOT, "prisma", "migrations") });
    const statementStats = await withClient(url, async (client) => {
      await client.query(BASELINE_TABLE);
      // The extension can exist on a server that does not preload it: then
      // reading the view fails, and that means "unavailable" too.
      return client
        .query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
        .then(() => client.query("SELECT 1 FROM pg_stat_statements LIMIT 1"))
        .then(
          () => true,
          () => false,
        );
    });
    options.log(`database ${name}: ${applied.length} migration(s) applied; pg_stat_statements ${statementStats ? "on" : "unavailable"}`);
    return { url, name, statementStats, drop };
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  }
}
