import pg from "pg";
import { buildDatabaseUrl } from "./build-database-url";

/** Creates database `name` on the server unless it exists; returns its URL. */
export async function ensureDatabase(options: { serverUrl: string; name: string }): Promise<string> {
  const client = new pg.Client({ connectionString: options.serverUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(options.name)}`).catch((error: unknown) => {
        // 42P04: created by someone else between our check and our CREATE.
        if ((error as { code?: string }).code !== "42P04") throw error;
      });
    }
  } finally {
    await client.end();
  }
  return buildDatabaseUrl({ serverUrl: options.serverUrl, name: options.name });
}
