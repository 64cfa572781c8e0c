import { startEmbeddedPostgres } from "@/lib/db/embedded/start-embedded-postgres";
import { POSTGRES_DATA_DIR } from "./paths";
import { withClient } from "./pg-session";

export type BenchPostgres = { serverUrl: string; embedded: boolean; stop(): Promise<void> };

/**
 * The server the benchmark's database lives on: DATABASE_URL's if set, else an
 * embedded PostgreSQL of its own under .data/bench-postgres. The embedded one
 * gets pg_stat_statements preloaded (once: ALTER SYSTEM and a restart), so a
 * run can count the queries a submission costs.
 */
export async function startBenchPostgres(options: { port: number; log: (message: string) => void }): Promise<BenchPostgres> {
  const external = process.env.DATABASE_URL;
  if (external) {
    options.log("using the PostgreSQL server in DATABASE_URL");
    return { serverUrl: external, embedded: false, stop: async () => undefined };
  }
  const start = () =>
    startEmbeddedPostgres({ dataDir: POSTGRES_DATA_DIR, port: options.port, portSetting: "BENCH_POSTGRES_PORT (or DATABASE_URL)" });
  let server = await start();
  const preloaded = await withClient(server.serverUrl, async (client) => {
    const { rows } = await client.query<{ shared_preload_libraries: string }>("SHOW shared_preload_libraries");
    if (rows[0]?.shared_preload_libraries.includes("pg_stat_statements")) return true;
    await client.query("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
    return false;
  });
  if (!preloaded) {
    options.log("preloading pg_stat_statements in the bench cluster (one-time restart)");
    await server.stop();
    server = await start();
  }
  options.log(`embedded PostgreSQL on 127.0.0.1:${options.port} (data in .data/bench-postgres)`);
  return { serverUrl: server.serverUrl, embedded: true, stop: server.stop };
}
