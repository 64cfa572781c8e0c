import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { buildDatabaseUrl } from "@/lib/db/embedded/build-database-url";
import { startEmbeddedPostgres } from "@/lib/db/embedded/start-embedded-postgres";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { asRuntimeRole, ensureRuntimeLoginRole } from "../../support/runtime-role";
import { ROOT } from "./paths";

/** `url` connects as the owner (migrations, fixtures); `runtimeUrl` as the app's runtime login role. */
export type E2eDatabase = { url: string; runtimeUrl: string; drop(): Promise<void> };

const DEFAULT_EMBEDDED_PORT = 54331;
const PREFIX = "e2e_";

async function withServer<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl, application_name: "e2e-setup" });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * The embedded server belongs to this suite alone. A run interrupted with
 * Ctrl-C loses it before its teardown can drop the database (the signal
 * reaches PostgreSQL too), so each run first drops what earlier ones left.
 */
async function dropLeftovers(serverUrl: string, log: (message: string) => void): Promise<void> {
  await withServer(serverUrl, async (client) => {
    const leftovers = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database d WHERE datname LIKE 'e2e\\_%'
         AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)`,
    );
    for (const { datname } of leftovers.rows) {
      await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)}`);
      log(`dropped ${datname}, left by an interrupted run`);
    }
  });
}

/**
 * A fresh, migrated database for one run of the suite: on the server in
 * TEST_DATABASE_URL (CI's PostgreSQL), or else on an embedded server under
 * .data/e2e-postgres. drop() removes the database and stops a server it started.
 */
export async function startDatabase(options: { log: (message: string) => void; debug: (message: string) => void }): Promise<E2eDatabase> {
  let stopServer = async () => {};
  let serverUrl = process.env.TEST_DATABASE_URL;
  const embedded = !serverUrl;
  if (!serverUrl) {
    const port = Number(process.env.E2E_EMBEDDED_POSTGRES_PORT ?? DEFAULT_EMBEDDED_PORT);
    const server = await startEmbeddedPostgres({
      dataDir: path.join(ROOT, ".data", "e2e-postgres"),
      port,
      log: options.debug,
      portSetting: "E2E_EMBEDDED_POSTGRES_PORT (or TEST_DATABASE_URL, to use another server)",
    });
    serverUrl = server.serverUrl;
    stopServer = server.stop;
    options.log(`embedded PostgreSQL on 127.0.0.1:${port}`);
  }

  const name = `${PREFIX}${randomBytes(6).toString("hex")}`;
  const url = buildDatabaseUrl({ serverUrl, name });
  const drop = async () => {
    try {
      await withServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`));
    } catch (error) {
      // Embedded server already stopped by the same Ctrl-C: the next run drops it.
      if (!(embedded && (error as { code?: string }).code === "ECONNREFUSED")) throw error;
    } finally {
      await stopServer();
    }
  };
  try {
    if (embedded) await dropLeftovers(serverUrl, options.log);
    await withServer(serverUrl, (client) => client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`));
    // As a deploy does: migrate as the owner, which grants the runtime role the app then uses.
    await ensureRuntimeLoginRole(serverUrl);
    const { applied } = await applyMigrations({
      databaseUrl: url,
      migrationsDir: path.join(ROOT, "prisma", "migrations"),
      runtimeDatabaseUrl: asRuntimeRole(url),
    });
    options.log(`database ${name}: applied ${applied.length} migration(s)`);
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  }
  return { url, runtimeUrl: asRuntimeRole(url), drop };
}
