import { mkdirSync } from "node:fs";
import path from "node:path";
import { loadEnvConfig } from "@next/env";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { ensureDatabase } from "@/lib/db/embedded/ensure-database";
import { startEmbeddedPostgres } from "@/lib/db/embedded/start-embedded-postgres";
import { loadOrCreateDevSecrets } from "./dev-secrets";

export const ROOT = path.resolve(__dirname, "../..");

export type LocalEnvironment = { usingEmbeddedDatabase: boolean; stop(): Promise<void> };

// Fills in whatever the environment (and .env files) leave unset, so that
// `npm run dev` needs no set-up: an embedded PostgreSQL under .data/postgres,
// mail written to .data/mail, generated development keys. Whatever IS set is
// used as it is: a real DATABASE_URL, a real SMTP_URL. Migrations are applied
// either way.
export async function prepareLocalEnvironment(options: { dev: boolean; log: (message: string) => void }): Promise<LocalEnvironment> {
  loadEnvConfig(ROOT, options.dev, { info: () => {}, error: options.log });
  const env = process.env;
  // Everything local lives here: database files, mail, development keys.
  const DATA = path.resolve(ROOT, env.IOP_DATA_DIR ?? ".data");
  mkdirSync(DATA, { recursive: true });

  const secrets = ["FIELD_ENCRYPTION_KEY", "LOOKUP_HMAC_KEY", "APP_SECRET"] as const;
  if (secrets.some((name) => !env[name])) {
    if (!options.dev) options.log("WARNING: secrets not configured; using development keys from .data/dev-secrets.json");
    const generated = loadOrCreateDevSecrets(path.join(DATA, "dev-secrets.json"));
    for (const name of secrets) env[name] ??= generated[name];
  }

  let stop = async () => {};
  const usingEmbeddedDatabase = !env.DATABASE_URL;
  if (usingEmbeddedDatabase) {
    if (!options.dev) options.log("WARNING: DATABASE_URL not set; using the embedded development database");
    const port = Number(env.EMBEDDED_POSTGRES_PORT ?? 54329);
    const server = await startEmbeddedPostgres({ dataDir: path.join(DATA, "postgres"), port, log: () => {}, portSetting: "EMBEDDED_POSTGRES_PORT" });
    stop = server.stop;
    env.DATABASE_URL = await ensureDatabase({ serverUrl: server.serverUrl, name: "iop_intake" });
    options.log(`embedded PostgreSQL on 127.0.0.1:${port} (data in ${path.relative(ROOT, DATA) || "."}/postgres)`);
  }

  const { applied } = await applyMigrations({ databaseUrl: env.DATABASE_URL ?? "", log: () => {} });
  options.log(applied.length > 0 ? `applied migrations: ${applied.join(", ")}` : "database schema up to date");

  if (!env.SMTP_URL && !env.MAIL_SINK_DIR) {
    env.MAIL_SINK_DIR = path.join(DATA, "mail");
    options.log(`no SMTP_URL: outgoing mail is saved as .eml files in ${env.MAIL_SINK_DIR}`);
  }
  if (!env.INTAKE_NOTIFY_TO && (options.dev || usingEmbeddedDatabase)) env.INTAKE_NOTIFY_TO = "intake@clinic.example";
  return { usingEmbeddedDatabase, stop };
}
