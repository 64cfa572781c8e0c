import path from "node:path";
import { startEmbeddedPostgres } from "../../lib/db/embedded/start-embedded-postgres";
import { ensureTemplateDatabase } from "./ensure-template-database";
import { asRuntimeRole, ensureRuntimeLoginRole } from "./runtime-role";
import { testServerState } from "./test-server-state";

const ROOT = path.resolve(__dirname, "../..");
const DEFAULT_PORT = 54330;

function log(message: string): void {
  if (process.env.DEBUG_TEST_DATABASE) process.stderr.write(`[test-db] ${message}\n`);
}

async function startServer(): Promise<string> {
  const server = await startEmbeddedPostgres({
    dataDir: path.join(ROOT, ".data", "test-postgres"),
    port: Number(process.env.TEST_EMBEDDED_POSTGRES_PORT ?? DEFAULT_PORT),
    log,
    portSetting: "TEST_EMBEDDED_POSTGRES_PORT",
  });
  testServerState.embedded = server;
  return server.serverUrl;
}

/**
 * Uses the server in TEST_DATABASE_URL (CI points it at the machine's
 * PostgreSQL), or else starts an embedded one under .data/test-postgres, and
 * prepares the migrated template that test-database.ts clones: migrated by
 * the server's owner role, with the runtime grants for the login role the
 * app runs as (runtime-role.ts). Environment
 * variables set here reach the Jest workers, which start afterwards.
 */
export default async function globalSetup(): Promise<void> {
  const serverUrl = process.env.TEST_DATABASE_URL || (await startServer());
  process.env.TEST_DATABASE_URL = serverUrl;
  // The app under test connects as this role, as production's app servers do.
  await ensureRuntimeLoginRole(serverUrl);
  process.env.TEST_TEMPLATE_DATABASE = await ensureTemplateDatabase({
    serverUrl,
    runtimeServerUrl: asRuntimeRole(serverUrl),
    migrationsDir: path.join(ROOT, "prisma", "migrations"),
    log,
  });
}
