import pg from "pg";
import { groupCpuMs } from "./process-group";

export type ServerCost = {
  /** Rows the phase stored, counted in SQL (cut-off requests the server finished included). */
  storedRows: number;
  /** CPU time (user + system) of the server's processes over the phase and its settling, per stored row. */
  cpuMsPerStoredRow: number;
  /** How long the server took, after the load stopped, to finish the requests still queued in it. */
  settleSeconds: number;
};

const POLL_MS = 250;

/**
 * Runs a load phase and charges the server for it: CPU time from /proc, rows
 * from SQL. After the load generator stops, requests it cut off may still be
 * queued in the server; the phase is not over until the row count stops moving
 * (at most `maxSettleSeconds`), so they neither escape the cost nor spill into
 * the next phase's figures. (The app's outbox worker keeps mailing the backlog
 * into the next phase; that work is charged to whichever phase it falls in.)
 */
export async function measureServerCost<T>(
  options: { groupId: number; databaseUrl: string; table: string; maxSettleSeconds: number },
  run: () => Promise<T>,
): Promise<{ result: T; cost: ServerCost }> {
  const client = new pg.Client({ connectionString: options.databaseUrl, application_name: "bench" });
  client.on("error", () => undefined);
  await client.connect();
  try {
    const count = async () => Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${options.table}`)).rows[0]?.n ?? 0);
    const rowsBefore = await count();
    const cpuBefore = groupCpuMs(options.groupId);
    const result = await run();
    const loadEnded = performance.now();
    let rows = await count();
    for (let stable = 0; stable < 2 && performance.now() - loadEnded < options.maxSettleSeconds * 1000; ) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const now = await count();
      stable = now === rows ? stable + 1 : 0;
      rows = now;
    }
    const storedRows = rows - rowsBefore;
    const cpuMs = groupCpuMs(options.groupId) - cpuBefore;
    return {
      result,
      cost: {
        storedRows,
        cpuMsPerStoredRow: storedRows === 0 ? Number.NaN : Math.round((cpuMs / storedRows) * 100) / 100,
        settleSeconds: Math.round(((performance.now() - loadEnded) / 1000) * 10) / 10,
      },
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}
