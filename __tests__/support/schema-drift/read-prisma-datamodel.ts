import { get_dmmf } from "@prisma/prisma-schema-wasm";
import { z } from "zod";

// The part of Prisma's DMMF the drift test reads. Parsed rather than cast, so a
// change in the DMMF's shape fails here, loudly, instead of comparing nonsense.
const FieldSchema = z.object({
  name: z.string(),
  dbName: z.string().nullish(),
  kind: z.enum(["scalar", "object", "enum", "unsupported"]),
  isList: z.boolean(),
  isRequired: z.boolean(),
  isId: z.boolean(),
  type: z.string(),
  nativeType: z.tuple([z.string(), z.array(z.string())]).nullish(),
  default: z.unknown().optional(),
  relationFromFields: z.array(z.string()).nullish(),
  relationToFields: z.array(z.string()).nullish(),
  relationOnDelete: z.string().nullish(),
  relationOnUpdate: z.string().nullish(),
});

const DatamodelSchema = z.object({
  models: z.array(z.object({ name: z.string(), dbName: z.string().nullish(), fields: z.array(FieldSchema) })),
  enums: z.array(
    z.object({
      name: z.string(),
      dbName: z.string().nullish(),
      values: z.array(z.object({ name: z.string(), dbName: z.string().nullish() })),
    }),
  ),
  indexes: z.array(
    z.object({
      model: z.string(),
      type: z.enum(["id", "unique", "normal", "fulltext"]),
      dbName: z.string().nullish(),
      algorithm: z.string().nullish(),
      fields: z.array(z.object({ name: z.string(), sortOrder: z.enum(["asc", "desc"]).nullish() })),
    }),
  ),
});

export type PrismaDatamodel = z.infer<typeof DatamodelSchema>;
export type PrismaModel = PrismaDatamodel["models"][number];
export type PrismaField = z.infer<typeof FieldSchema>;

/**
 * Parses schema.prisma text with Prisma's own parser (the prisma-schema-wasm
 * build the CLI uses for `prisma generate`); no schema engine involved.
 */
export function readPrismaDatamodel(options: { schema: string }): PrismaDatamodel {
  const dmmf: unknown = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: options.schema })));
  return z.object({ datamodel: DatamodelSchema }).parse(dmmf).datamodel;
}
