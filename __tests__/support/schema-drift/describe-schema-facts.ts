import type { SchemaFacts } from "./schema-facts";

/**
 * Flattens facts into "what → how" entries, e.g.
 * `column "Inquiry"."locale"` → `character varying(8) NOT NULL`, so two schemas
 * compare entry by entry and every difference reads as one sentence.
 */
export function describeSchemaFacts(facts: SchemaFacts): Map<string, string> {
  const entries = new Map<string, string>();
  const q = quote;

  for (const table of facts.tables) entries.set(`table ${q(table)}`, "exists");
  for (const column of facts.columns) {
    const nullability = column.notNull ? "NOT NULL" : "NULL";
    const fallback = column.default === null ? "" : ` DEFAULT ${column.default}`;
    entries.set(`column ${q(column.table)}.${q(column.name)}`, `${column.type} ${nullability}${fallback}`);
  }
  for (const enumType of facts.enums) {
    entries.set(`enum ${q(enumType.name)}`, enumType.values.map((value) => `'${value}'`).join(", "));
  }
  for (const pk of facts.primaryKeys) {
    entries.set(`primary key of ${q(pk.table)}`, `${q(pk.name)} (${pk.columns.map(q).join(", ")})`);
  }
  for (const index of facts.indexes) {
    const columns = index.columns.map((c) => `${q(c.name)} ${c.descending ? "DESC" : "ASC"}`).join(", ");
    const unique = index.unique ? "UNIQUE " : "";
    const extra = index.extra ? ` ${index.extra}` : "";
    entries.set(`index ${q(index.name)}`, `${unique}ON ${q(index.table)} USING ${index.method} (${columns})${extra}`);
  }
  for (const fk of facts.foreignKeys) {
    const referenced = `${q(fk.referencedTable)} (${fk.referencedColumns.map(q).join(", ")})`;
    entries.set(
      `foreign key ${q(fk.table)}.${q(fk.name)}`,
      `(${fk.columns.map(q).join(", ")}) REFERENCES ${referenced} ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate}`,
    );
  }
  for (const other of facts.others) entries.set(`${other.kind} ${q(other.name)}`, "exists");

  return entries;
}

function quote(name: string): string {
  return `"${name}"`;
}
