import type { ClientBase } from "pg";
import { compareSchemaDescriptions } from "./compare-schema-descriptions";
import { describeDatabaseSchema } from "./describe-database-schema";
import { describePrismaSchema } from "./describe-prisma-schema";
import { describeSchemaFacts } from "./describe-schema-facts";

/**
 * The differences between what `schema` (schema.prisma text) declares and what
 * the database behind `client` holds; an empty list means no drift.
 */
export async function findSchemaDrift(options: { client: ClientBase; schema: string }): Promise<string[]> {
  return compareSchemaDescriptions({
    expected: describeSchemaFacts(describePrismaSchema({ schema: options.schema })),
    actual: describeSchemaFacts(await describeDatabaseSchema({ client: options.client })),
  });
}
