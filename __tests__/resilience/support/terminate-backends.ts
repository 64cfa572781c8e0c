import { databaseServerUrl, withClient } from "./database-server";

/**
 * Cuts every connection to `database` (the app's pool, the outbox worker's
 * LISTEN connection): what a PostgreSQL restart or failover, or a network
 * blip, looks like to the app. Run from the server's maintenance database, so
 * the terminating session is not itself among them. Returns how many were cut.
 */
export async function terminateBackends(database: string): Promise<number> {
  return withClient(databaseServerUrl(), async (client) => {
    const result = await client.query<{ terminated: boolean }>(
      `SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [database],
    );
    return result.rows.filter((row) => row.terminated).length;
  });
}
