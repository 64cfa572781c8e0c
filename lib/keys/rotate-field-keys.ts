import { escapeIdentifier } from "pg";
import { recordActiveKeys } from "@/lib/keys/record-active-keys";
import { rotateSealedColumn, type ColumnRotation, type RotationProgress } from "@/lib/keys/rotate-sealed-column";
import { SEALED_COLUMNS, type SealContext, type SealedColumn } from "@/lib/keys/sealed-columns";
import type { SqlClient } from "@/lib/keys/sql-client";

export type FieldKeyRotation = { columns: ColumnRotation[]; remainingUnderOldKeys: number; retiredKeyIds: string[] };

// `npm run keys:rotate`: every sealed column moves to the active field key.
// When nothing is left under any other key id, those ids are marked retired
// in "KeyCheck": their keys can then leave FIELD_ENCRYPTION_PREVIOUS_KEYS and
// the start-up check passes without them. Safe to run while the app runs
// (every instance must already have the new active key, or it keeps writing
// under the old one) and to run again: a second run finds nothing to do.
export async function rotateFieldKeys(options: {
  sql: SqlClient;
  ctx: SealContext;
  lookupKey: Buffer;
  columns?: readonly SealedColumn[];
  onProgress?: (progress: RotationProgress) => void;
  afterBatch?: () => Promise<void>;
  batchSize?: number;
}): Promise<FieldKeyRotation> {
  const { sql, ctx } = options;
  await recordActiveKeys({ sql, keyring: ctx.keyring, lookupKey: options.lookupKey });
  const entries = options.columns ?? SEALED_COLUMNS;
  const columns: ColumnRotation[] = [];
  for (const entry of entries) {
    columns.push(await rotateSealedColumn({ sql, entry, ctx, onProgress: options.onProgress, afterBatch: options.afterBatch, batchSize: options.batchSize }));
  }
  let remainingUnderOldKeys = 0;
  for (const entry of entries) {
    const col = escapeIdentifier(entry.column);
    const { rows } = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${escapeIdentifier(entry.table)} WHERE ${col} IS NOT NULL AND ${entry.format.underOldKey.replaceAll("$col", col)}`,
      [entry.format.staleParam(ctx)],
    );
    remainingUnderOldKeys += rows[0]?.n ?? 0;
  }
  if (remainingUnderOldKeys > 0) return { columns, remainingUnderOldKeys, retiredKeyIds: [] };
  const retired = await sql.query<{ keyId: string }>(
    `UPDATE "KeyCheck" SET "retiredAt" = now() WHERE "kind" = 'field' AND "keyId" <> $1 AND "retiredAt" IS NULL RETURNING "keyId"`,
    [ctx.keyring.active.id],
  );
  return { columns, remainingUnderOldKeys, retiredKeyIds: retired.rows.map((r) => r.keyId).sort() };
}
