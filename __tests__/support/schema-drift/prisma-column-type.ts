import type { PrismaField } from "./read-prisma-datamodel";

// Prisma scalar type → PostgreSQL column type when no @db attribute is given
// (psl's Postgres connector defaults).
const DEFAULT_NATIVE_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

/** The column type as PostgreSQL's format_type() prints it; enums as `enum "Name"`. */
export function prismaColumnType(options: { field: PrismaField; enumDbName: (name: string) => string }): string {
  const { field } = options;
  const base = field.kind === "enum" ? `enum "${options.enumDbName(field.type)}"` : nativeType(field);
  return field.isList ? `${base}[]` : base;
}

function nativeType(field: PrismaField): string {
  if (!field.nativeType) {
    const type = DEFAULT_NATIVE_TYPES[field.type];
    if (!type) throw new Error(`drift test: no PostgreSQL type known for ${field.type} (${field.name})`);
    return type;
  }
  const [name, args] = field.nativeType;
  const params = args.length > 0 ? `(${args.join(",")})` : "";
  switch (name) {
    case "VarChar":
      return `character varying${params}`;
    case "Char":
      return `character${params}`;
    case "Timestamptz":
      return `timestamp${params} with time zone`;
    case "Timestamp":
      return `timestamp${params} without time zone`;
    case "Time":
      return `time${params} without time zone`;
    case "Timetz":
      return `time${params} with time zone`;
    case "Decimal":
      return `numeric${params}`;
    case "DoublePrecision":
      return "double precision";
    case "JsonB":
      return "jsonb";
    case "ByteA":
      return "bytea";
    case "Text":
    case "Uuid":
    case "Integer":
    case "SmallInt":
    case "BigInt":
    case "Boolean":
    case "Date":
    case "Json":
    case "Real":
    case "Inet":
    case "Xml":
      return name.toLowerCase() + params;
    default:
      throw new Error(`drift test: teach prisma-column-type.ts about @db.${name} (${field.name})`);
  }
}
