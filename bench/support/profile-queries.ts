import { withClient } from "./pg-session";
import { runSequential, type SequentialFigures } from "./run-sequential";

export type StatementCost = { query: string; callsPerSubmission: number; meanMs: number; msPerSubmission: number };

export type QueryProfile = {
  sequential: SequentialFigures;
  /** Statements (round trips to PostgreSQL) per submission, the outbox worker's included. */
  statementsPerSubmission: number;
  /** Server-side execution time per submission, summed over those statements. */
  dbExecMsPerSubmission: number;
  statements: StatementCost[];
};

const SHORT = 110;

/**
 * Submits `count` inquiries one at a time with pg_stat_statements freshly
 * reset, waits until their notifications are sent, and divides what the
 * database saw by `count`. The outbox worker's statements (its idle polls
 * too) are part of what a submission costs, so they are included; the
 * benchmark's own queries (its "… AS pending" polls) are not.
 */
export async function profileQueries(options: {
  appUrl: string;
  databaseUrl: string;
  databaseName: string;
  count: number;
  nextToken: () => string;
}): Promise<QueryProfile> {
  return withClient(options.databaseUrl, async (client) => {
    await client.query("SELECT pg_stat_statements_reset()");
    const sequential = await runSequential({ url: options.appUrl, count: options.count, nextToken: options.nextToken });
    for (let i = 0; i < 100; i += 1) {
      const { rows } = await client.query<{ pending: number }>(`SELECT count(*)::int AS pending FROM "Notification" WHERE "status" <> 'SENT'`);
      if ((rows[0]?.pending ?? 0) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const { rows } = await client.query<{ query: string; calls: string; total_exec_time: number }>(
      `SELECT s.query, s.calls, s.total_exec_time FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
        WHERE d.datname = $1 AND s.query NOT ILIKE '%pg_stat_statements%' AND s.query NOT ILIKE '%AS pending%'
        ORDER BY s.calls DESC, s.total_exec_time DESC`,
      [options.databaseName],
    );
    const n = sequential.ok2xx || 1;
    const statements = rows.map((row) => {
      const calls = Number(row.calls);
      const query = row.query.replace(/\s+/g, " ").trim();
      return {
        query: query.length > SHORT ? `${query.slice(0, SHORT)}…` : query,
        callsPerSubmission: Math.round((calls / n) * 100) / 100,
        meanMs: Math.round((row.total_exec_time / Math.max(1, calls)) * 1000) / 1000,
        msPerSubmission: Math.round((row.total_exec_time / n) * 1000) / 1000,
      };
    });
    return {
      sequential,
      statementsPerSubmission: Math.round(statements.reduce((sum, s) => sum + s.callsPerSubmission, 0) * 10) / 10,
      dbExecMsPerSubmission: Math.round(statements.reduce((sum, s) => sum + s.msPerSubmission, 0) * 100) / 100,
      statements,
    };
  });
}
