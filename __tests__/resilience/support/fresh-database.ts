import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { buildDatabaseUrl } from "@/lib/db/embedded/build-database-url";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { asRuntimeRole, ensureRuntimeLoginRole } from "../../support/runtime-role";
import { databaseServerUrl, withClient } from "./database-server";
import { ROOT } from "./paths";

export type FreshDatabase = { name: string; url: string; drop(): Promise<void> };

const PREFIX = "resilience_";

/**
 * A new database, migrated with the app's own migration runner, for one
 * scenario: as the owner (`url`, which the checks use too), granting the
 * runtime login role the app servers and workers connect as (app-environment.ts). Databases left by an interrupted run (no sessions) are dropped first.
 */
export async function createFreshDatabase(label: string): Promise<FreshDatabase> {
  const serverUrl = databaseServerUrl();
  const name = `${PREFIX}${label}_${randomBytes(4).toString("hex")}`;
  await withClient(serverUrl, async (client) => {
    const leftovers = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database d WHERE datname LIKE 'resilience\\_%'
         AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)`,
    );
    for (const { datname } of leftovers.rows) await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)}`);
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  });
  const url = buildDatabaseUrl({ serverUrl, name });
  await ensureRuntimeLoginRole(serverUrl);
  await applyMigrations({ databaseUrl: url, migrationsDir: path.join(ROOT, "prisma", "migrations"), runtimeDatabaseUrl: asRuntimeRole(url) });
  return {
    name,
    url,
    drop: () => withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`)).then(() => undefined),
  };
}
