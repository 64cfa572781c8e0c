import { prismaColumnDefault } from "./prisma-column-default";
import { prismaColumnType } from "./prisma-column-type";
import { prismaConstraintName } from "./prisma-constraint-name";
import { readPrismaDatamodel, type PrismaDatamodel, type PrismaModel } from "./read-prisma-datamodel";
import type { ForeignKeyFact, IndexFact, PrimaryKeyFact, ReferentialAction, SchemaFacts } from "./schema-facts";

/** What Prisma Migrate would create in PostgreSQL for this schema.prisma text. */
export function describePrismaSchema(options: { schema: string }): SchemaFacts {
  const datamodel = readPrismaDatamodel({ schema: options.schema });
  const enumDbName = (name: string) => findEnum(datamodel, name).dbName ?? name;
  const enumValueDbName = (enumName: string, value: string) =>
    findEnum(datamodel, enumName).values.find((v) => v.name === value)?.dbName ?? value;

  const facts: SchemaFacts = {
    tables: [],
    columns: [],
    enums: datamodel.enums.map((e) => ({ name: e.dbName ?? e.name, values: e.values.map((v) => v.dbName ?? v.name) })),
    primaryKeys: [],
    indexes: [],
    foreignKeys: [],
    others: [],
  };

  for (const model of datamodel.models) {
    const table = tableName(model);
    facts.tables.push(table);
    for (const field of model.fields.filter((f) => f.kind === "scalar" || f.kind === "enum")) {
      const column = field.dbName ?? field.name;
      const type = prismaColumnType({ field, enumDbName });
      facts.columns.push({
        table,
        name: column,
        type,
        // Prisma leaves list columns nullable in PostgreSQL, required or not.
        notNull: field.isRequired && !field.isList,
        default: prismaColumnDefault({ field, table, column, columnType: type, enumValueDbName }),
      });
    }
    facts.foreignKeys.push(...foreignKeys(datamodel, model));
  }

  for (const index of datamodel.indexes) {
    const model = findModel(datamodel, index.model);
    const table = tableName(model);
    const columns = index.fields.map((f) => columnName(model, f.name));
    if (index.type === "id") {
      const name = index.dbName ?? prismaConstraintName({ kind: "primaryKey", table, columns });
      facts.primaryKeys.push({ table, name, columns } satisfies PrimaryKeyFact);
      continue;
    }
    if (index.type === "fulltext") throw new Error(`drift test: fulltext indexes do not exist on PostgreSQL`);
    const unique = index.type === "unique";
    facts.indexes.push({
      table,
      name: index.dbName ?? prismaConstraintName({ kind: unique ? "unique" : "index", table, columns }),
      unique,
      method: (index.algorithm ?? "BTree").toLowerCase(),
      columns: index.fields.map((f) => ({ name: columnName(model, f.name), descending: f.sortOrder === "desc" })),
      extra: null,
    } satisfies IndexFact);
  }

  return facts;
}

// The DMMF does not carry @relation(map: …); such a name would show up as drift.
function foreignKeys(datamodel: PrismaDatamodel, model: PrismaModel): ForeignKeyFact[] {
  const table = tableName(model);
  return model.fields
    .filter((field) => field.kind === "object" && (field.relationFromFields?.length ?? 0) > 0)
    .map((field) => {
      const target = findModel(datamodel, field.type);
      const from = field.relationFromFields ?? [];
      const columns = from.map((name) => columnName(model, name));
      const allRequired = from.every((name) => model.fields.find((f) => f.name === name)?.isRequired);
      return {
        table,
        name: prismaConstraintName({ kind: "foreignKey", table, columns }),
        columns,
        referencedTable: tableName(target),
        referencedColumns: (field.relationToFields ?? []).map((name) => columnName(target, name)),
        // Prisma's defaults: Restrict for required relations, SetNull for optional; updates cascade.
        onDelete: referentialAction(field.relationOnDelete ?? (allRequired ? "Restrict" : "SetNull")),
        onUpdate: referentialAction(field.relationOnUpdate ?? "Cascade"),
      };
    });
}

function referentialAction(action: string): ReferentialAction {
  const actions: Record<string, ReferentialAction> = {
    Cascade: "CASCADE",
    Restrict: "RESTRICT",
    NoAction: "NO ACTION",
    SetNull: "SET NULL",
    SetDefault: "SET DEFAULT",
  };
  const found = actions[action];
  if (!found) throw new Error(`drift test: unknown referential action ${action}`);
  return found;
}

function tableName(model: PrismaModel): string {
  return model.dbName ?? model.name;
}

function columnName(model: PrismaModel, fieldName: string): string {
  const field = model.fields.find((f) => f.name === fieldName);
  return field?.dbName ?? fieldName;
}

function findModel(datamodel: PrismaDatamodel, name: string): PrismaModel {
  const model = datamodel.models.find((m) => m.name === name);
  if (!model) throw new Error(`drift test: model ${name} not found in the DMMF`);
  return model;
}

function findEnum(datamodel: PrismaDatamodel, name: string): PrismaDatamodel["enums"][number] {
  const found = datamodel.enums.find((e) => e.name === name);
  if (!found) throw new Error(`drift test: enum ${name} not found in the DMMF`);
  return found;
}
