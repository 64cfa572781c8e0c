/**
 * What the drift test compares, in one neutral shape that both sides (the
 * parsed schema.prisma and the live database) are reduced to. Names are
 * database names (after @map/@@map); types and defaults are spelled the way
 * PostgreSQL prints them (format_type, pg_get_expr).
 */
export type ColumnFact = { table: string; name: string; type: string; notNull: boolean; default: string | null };

export type IndexFact = {
  table: string;
  name: string;
  unique: boolean;
  method: string;
  columns: { name: string; descending: boolean }[];
  /** Partial or expression index details; Prisma never creates these. */
  extra: string | null;
};

export type PrimaryKeyFact = { table: string; name: string; columns: string[] };

export type ForeignKeyFact = {
  table: string;
  name: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
};

export type ReferentialAction = "CASCADE" | "RESTRICT" | "NO ACTION" | "SET NULL" | "SET DEFAULT";

export type SchemaFacts = {
  tables: string[];
  columns: ColumnFact[];
  enums: { name: string; values: string[] }[];
  primaryKeys: PrimaryKeyFact[];
  indexes: IndexFact[];
  foreignKeys: ForeignKeyFact[];
  /** Objects Prisma does not model (views, CHECK constraints, …): any is drift. */
  others: { kind: string; name: string }[];
};
