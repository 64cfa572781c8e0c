import type { ClientBase } from "pg";
import type { IndexFact, PrimaryKeyFact } from "./schema-facts";

/** Indexes (primary keys apart) of the tables in the current schema. */
export async function describeDatabaseIndexes(options: {
  client: ClientBase;
}): Promise<{ primaryKeys: PrimaryKeyFact[]; indexes: IndexFact[] }> {
  const { rows } = await options.client.query<{
    name: string;
    table: string;
    unique: boolean;
    primary: boolean;
    method: string;
    columns: string[];
    descending: boolean[];
    predicate: string | null;
    hasExpressions: boolean;
    hasIncluded: boolean;
  }>(`
    SELECT ic.relname AS "name", tc.relname AS "table", i.indisunique AS "unique",
           i.indisprimary AS "primary", am.amname AS "method",
           ARRAY(SELECT a.attname::text
                   FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                  ORDER BY k.ord) AS "columns",
           ARRAY(SELECT (o.opt & 1) = 1
                   FROM unnest(i.indoption::int2[]) WITH ORDINALITY AS o(opt, ord)
                  ORDER BY o.ord) AS "descending",
           pg_get_expr(i.indpred, i.indrelid) AS "predicate",
           i.indexprs IS NOT NULL AS "hasExpressions",
           i.indnkeyatts <> i.indnatts AS "hasIncluded"
      FROM pg_index i
      JOIN pg_class ic ON ic.oid = i.indexrelid
      JOIN pg_class tc ON tc.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = tc.relnamespace
      JOIN pg_am am ON am.oid = ic.relam
     WHERE n.nspname = current_schema() AND tc.relname <> '_prisma_migrations'`);

  const primaryKeys: PrimaryKeyFact[] = [];
  const indexes: IndexFact[] = [];
  for (const row of rows) {
    if (row.primary) {
      primaryKeys.push({ table: row.table, name: row.name, columns: row.columns });
      continue;
    }
    const extras = [
      row.predicate ? `WHERE ${row.predicate}` : "",
      row.hasExpressions ? "with expressions" : "",
      row.hasIncluded ? "with INCLUDE columns" : "",
    ].filter(Boolean);
    indexes.push({
      table: row.table,
      name: row.name,
      unique: row.unique,
      method: row.method,
      columns: row.columns.map((name, i) => ({ name, descending: row.descending[i] ?? false })),
      extra: extras.length > 0 ? extras.join(", ") : null,
    });
  }
  return { primaryKeys, indexes };
}
