import path from "node:path";
import { loadEnvConfig } from "@next/env";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { ensureDatabase } from "@/lib/db/embedded/ensure-database";
import { startEmbeddedPostgres } from "@/lib/db/embedded/start-embedded-postgres";
import { applyDevDefaults } from "./apply-dev-defaults";
import { ROOT } from "./root";

export type DevEnvironment = { usingEmbeddedDatabase: boolean; stop(): Promise<void> };

// `npm run dev` (and the tools run beside it) with no set-up: whatever the
// environment and .env files leave unset is filled in (an embedded PostgreSQL
// under .data/postgres, generated keys, mail to .data/mail), and migrations
// are applied. Production never comes here: scripts/start.ts and a
// production worker validate the environment and refuse instead.
export async function prepareDevEnvironment(options: { log: (message: string) => void }): Promise<DevEnvironment> {
  loadEnvConfig(ROOT, true, { info: () => {}, error: options.log });
  const env = process.env;
  const data = applyDevDefaults(options);

  let stop = async () => {};
  const usingEmbeddedDatabase = !env.DATABASE_URL;
  if (usingEmbeddedDatabase) {
    const port = Number(env.EMBEDDED_POSTGRES_PORT ?? 54329);
    const server = await startEmbeddedPostgres({ dataDir: path.join(data, "postgres"), port, log: () => {}, portSetting: "EMBEDDED_POSTGRES_PORT" });
    stop = server.stop;
    env.DATABASE_URL = await ensureDatabase({ serverUrl: server.serverUrl, name: "iop_intake" });
    options.log(`embedded PostgreSQL on 127.0.0.1:${port} (data in ${path.relative(ROOT, data) || "."}/postgres)`);
  }

  const { applied } = await applyMigrations({
    databaseUrl: env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL ?? "",
    migrationsDir: path.join(ROOT, "prisma", "migrations"),
    runtimeDatabaseUrl: env.DATABASE_URL,
    log: () => {},
  });
  options.log(applied.length > 0 ? `applied migrations: ${applied.join(", ")}` : "database schema up to date");
  return { usingEmbeddedDatabase, stop };
}
