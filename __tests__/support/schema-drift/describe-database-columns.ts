import type { ClientBase } from "pg";
import type { ColumnFact } from "./schema-facts";

/** Every column of every table in the current schema, bookkeeping table aside. */
export async function describeDatabaseColumns(options: { client: ClientBase }): Promise<ColumnFact[]> {
  const { rows } = await options.client.query<{
    table: string;
    name: string;
    formatted: string;
    enumName: string | null;
    isArray: boolean;
    notNull: boolean;
    default: string | null;
  }>(`
    SELECT c.relname AS "table", a.attname AS "name",
           format_type(a.atttypid, a.atttypmod) AS "formatted",
           et.typname AS "enumName", t.typcategory = 'A' AS "isArray",
           a.attnotnull AS "notNull", pg_get_expr(d.adbin, d.adrelid) AS "default"
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_type t ON t.oid = a.atttypid
      LEFT JOIN pg_type et ON et.typtype = 'e'
                          AND et.oid = CASE WHEN t.typcategory = 'A' THEN t.typelem ELSE t.oid END
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
       AND c.relname <> '_prisma_migrations' AND a.attnum > 0 AND NOT a.attisdropped`);

  return rows.map((row) => ({
    table: row.table,
    name: row.name,
    type: row.enumName ? `enum "${row.enumName}"${row.isArray ? "[]" : ""}` : row.formatted,
    notNull: row.notNull,
    default: row.default,
  }));
}
