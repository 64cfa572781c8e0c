import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { buildDatabaseUrl } from "../../lib/db/embedded/build-database-url";
import { applyMigrations } from "../../lib/db/migrations/apply-migrations";

// A change to the grants the runner applies needs a new template too.
const GRANTS_SOURCE = path.resolve(__dirname, "../../lib/db/migrations/apply-runtime-grants.ts");

async function hashMigrations(dir: string): Promise<string> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
  const hash = createHash("sha256");
  for (const file of files) hash.update(`${file}\0`).update(await fs.readFile(path.join(dir, file))).update("\0");
  hash.update(await fs.readFile(GRANTS_SOURCE));
  return hash.digest("hex").slice(0, 16);
}

/**
 * A database migrated once per migration set, which each test file clones
 * (CREATE DATABASE … TEMPLATE copies files: ~tens of ms instead of
 * re-running every migration). Named after a hash of the migration files, so
 * a changed migration gets a new template and runs on other branches that
 * share the server keep theirs. Marked IS_TEMPLATE only once complete, so a
 * run killed halfway leaves nothing that looks usable; ALLOW_CONNECTIONS false
 * keeps stray sessions from blocking the clones.
 */
export async function ensureTemplateDatabase(options: {
  serverUrl: string;
  /** The server as the app's runtime login role, made a member of iop_runtime. */
  runtimeServerUrl?: string;
  migrationsDir: string;
  log?: (message: string) => void;
}): Promise<string> {
  const name = `tpl_${await hashMigrations(options.migrationsDir)}`;
  const quoted = pg.escapeIdentifier(name);
  const admin = new pg.Client({ connectionString: options.serverUrl, application_name: "test-template" });
  await admin.connect();
  try {
    // Parallel Jest runs against one server (CI) build it once, in turn.
    await admin.query("SELECT pg_advisory_lock(hashtext($1))", [name]);
    const found = await admin.query<{ datistemplate: boolean }>(
      "SELECT datistemplate FROM pg_database WHERE datname = $1",
      [name],
    );
    if (found.rows[0]?.datistemplate) return name;
    if (found.rows[0]) await admin.query(`DROP DATABASE ${quoted} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${quoted}`);
    await applyMigrations({
      databaseUrl: buildDatabaseUrl({ serverUrl: options.serverUrl, name }),
      migrationsDir: options.migrationsDir,
      runtimeDatabaseUrl: options.runtimeServerUrl,
      log: options.log,
    });
    await admin.query(`ALTER DATABASE ${quoted} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
    return name;
  } finally {
    await admin.end();
  }
}
