import { Client } from "pg";
import { describeDatabaseTarget } from "@/lib/db/describe-database-target";
import { preflightChecks } from "@/lib/startup/preflight/preflight-checks";
import { StartupRefusedError } from "@/lib/startup/startup-refused-error";

/**
 * Connects as the runtime role (DATABASE_URL) and runs every pre-flight check
 * in turn; the first that refuses stops start-up with its message.
 */
export async function runPreflightChecks(options: { databaseUrl: string; migrationsDir: string; log: (message: string) => void }): Promise<void> {
  const client = new Client({ connectionString: options.databaseUrl, application_name: "preflight", connectionTimeoutMillis: 10_000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StartupRefusedError(`Could not connect to ${describeDatabaseTarget(options.databaseUrl)} (DATABASE_URL): ${reason}`);
  }
  try {
    for (const check of preflightChecks({ client, migrationsDir: options.migrationsDir })) {
      await check.run();
      options.log(`pre-flight: ${check.name}: ok`);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}
