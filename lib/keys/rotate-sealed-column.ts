import { escapeIdentifier } from "pg";
import type { SealContext, SealedColumn } from "@/lib/keys/sealed-columns";
import type { SqlClient } from "@/lib/keys/sql-client";

export type ColumnRotation = { table: string; column: string; resealed: number; changedMeanwhile: number; failed: number };
export type RotationProgress = { table: string; column: string; done: number; total: number };

const BATCH_SIZE = 500;

// Re-encrypts one column's values that are not under the active key, in
// batches walked by id (keyset), so it can stop anywhere and a second run
// finds only what is left. Each batch is one UPDATE whose every row is
// conditional on the value read, so a value the app changed meanwhile (an
// edit, an anonymisation, already under the active key) is left alone. A
// value that cannot be opened (its key is missing) is counted, not changed.
export async function rotateSealedColumn(options: {
  sql: SqlClient;
  entry: SealedColumn;
  ctx: SealContext;
  onProgress?: (progress: RotationProgress) => void;
  afterBatch?: () => Promise<void>;
  batchSize?: number;
}): Promise<ColumnRotation> {
  const { sql, entry, ctx } = options;
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const table = escapeIdentifier(entry.table);
  const col = escapeIdentifier(entry.column);
  const stale = `${col} IS NOT NULL AND ${entry.format.stale.replaceAll("$col", col)}`;
  const param = entry.format.staleParam(ctx);
  const counted = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${stale}`, [param]);
  const total = counted.rows[0]?.n ?? 0;
  const result: ColumnRotation = { table: entry.table, column: entry.column, resealed: 0, changedMeanwhile: 0, failed: 0 };
  let after: string | null = null;
  for (let done = 0; ; ) {
    const { rows }: { rows: { id: string; value: string }[] } = await sql.query<{ id: string; value: string }>(
      `SELECT "id"::text AS "id", ${col} AS "value" FROM ${table}
       WHERE ${stale} AND ($2::text IS NULL OR "id" > $2::${entry.idType}) ORDER BY "id" LIMIT ${batchSize}`,
      [param, after],
    );
    const ids: string[] = [];
    const olds: string[] = [];
    const news: string[] = [];
    for (const row of rows) {
      try {
        news.push(await entry.format.reseal({ value: row.value, rowId: row.id, ctx }));
        ids.push(row.id);
        olds.push(row.value);
      } catch {
        result.failed += 1;
      }
    }
    if (ids.length > 0) {
      const updated = await sql.query(
        `UPDATE ${table} AS t SET ${col} = v."new" FROM unnest($1::${entry.idType}[], $2::text[], $3::text[]) AS v("id", "old", "new")
         WHERE t."id" = v."id" AND t.${col} = v."old"`,
        [ids, olds, news],
      );
      result.resealed += updated.rowCount ?? 0;
      result.changedMeanwhile += ids.length - (updated.rowCount ?? 0);
    }
    done += rows.length;
    options.onProgress?.({ table: entry.table, column: entry.column, done, total: Math.max(total, done) });
    await options.afterBatch?.();
    if (rows.length < batchSize) return result;
    after = rows[rows.length - 1]?.id ?? null;
  }
}
