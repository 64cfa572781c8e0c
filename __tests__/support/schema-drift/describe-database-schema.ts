import type { ClientBase } from "pg";
import { describeDatabaseColumns } from "./describe-database-columns";
import { describeDatabaseForeignKeys } from "./describe-database-foreign-keys";
import { describeDatabaseIndexes } from "./describe-database-indexes";
import type { SchemaFacts } from "./schema-facts";

/**
 * What the connected database's current schema actually holds, reduced to the
 * facts schema.prisma can declare. `_prisma_migrations` is left out; functions
 * and triggers (the AuditEvent guard) are outside Prisma's model and ignored.
 */
export async function describeDatabaseSchema(options: { client: ClientBase }): Promise<SchemaFacts> {
  const { client } = options;
  const tables = await client.query<{ name: string }>(`
    SELECT c.relname AS "name" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'`);

  const enums = await client.query<{ name: string; values: string[] }>(`
    SELECT t.typname AS "name", array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS "values"
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = current_schema() GROUP BY t.typname`);

  // Sequences backing serial columns belong to those columns; any other one is extra.
  const others = await client.query<{ kind: string; name: string }>(`
    SELECT 'view' AS "kind", c.relname AS "name" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('v', 'm')
    UNION ALL
    SELECT 'sequence', c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind = 'S'
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i'))
    UNION ALL
    SELECT CASE con.contype WHEN 'c' THEN 'check constraint' ELSE 'exclusion constraint' END, con.conname
      FROM pg_constraint con JOIN pg_namespace n ON n.oid = con.connamespace
     WHERE n.nspname = current_schema() AND con.contype IN ('c', 'x')`);

  const { primaryKeys, indexes } = await describeDatabaseIndexes({ client });
  return {
    tables: tables.rows.map((row) => row.name),
    columns: await describeDatabaseColumns({ client }),
    enums: enums.rows,
    primaryKeys,
    indexes,
    foreignKeys: await describeDatabaseForeignKeys({ client }),
    others: others.rows,
  };
}
