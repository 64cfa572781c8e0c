import type { ClientBase } from "pg";
import type { ForeignKeyFact, ReferentialAction } from "./schema-facts";

// pg_constraint.confdeltype / confupdtype codes.
const ACTIONS: Record<string, ReferentialAction> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

/** Foreign keys of the tables in the current schema. */
export async function describeDatabaseForeignKeys(options: { client: ClientBase }): Promise<ForeignKeyFact[]> {
  const { rows } = await options.client.query<{
    name: string;
    table: string;
    referencedTable: string;
    columns: string[];
    referencedColumns: string[];
    onDelete: string;
    onUpdate: string;
  }>(`
    SELECT con.conname AS "name", tc.relname AS "table", rc.relname AS "referencedTable",
           ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
                  ORDER BY k.ord) AS "columns",
           ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
                  ORDER BY k.ord) AS "referencedColumns",
           con.confdeltype AS "onDelete", con.confupdtype AS "onUpdate"
      FROM pg_constraint con
      JOIN pg_class tc ON tc.oid = con.conrelid
      JOIN pg_class rc ON rc.oid = con.confrelid
      JOIN pg_namespace n ON n.oid = tc.relnamespace
     WHERE con.contype = 'f' AND n.nspname = current_schema()`);

  return rows.map((row) => ({
    table: row.table,
    name: row.name,
    columns: row.columns,
    referencedTable: row.referencedTable,
    referencedColumns: row.referencedColumns,
    onDelete: action(row.onDelete),
    onUpdate: action(row.onUpdate),
  }));
}

function action(code: string): ReferentialAction {
  const found = ACTIONS[code];
  if (!found) throw new Error(`drift test: unknown referential action code ${code}`);
  return found;
}
