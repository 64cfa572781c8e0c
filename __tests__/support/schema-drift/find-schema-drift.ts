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
  const expected = describeSchemaFacts(describePrismaSchema({ schema: options.schema }));
  for (const name of declaredCheckConstraints(options.schema)) expected.set(`check constraint "${name}"`, "exists");
  return compareSchemaDescriptions({
    expected,
    actual: describeSchemaFacts(await describeDatabaseSchema({ client: options.client })),
  });
}

// Prisma cannot declare CHECK constraints, so schema.prisma names each one a
// migration adds in a comment line: `// check constraint "StaffUser_role_check"`.
function declaredCheckConstraints(schema: string): string[] {
  return [...schema.matchAll(/^\s*\/\/\s*check constraint "([^"]+)"/gm)].map((match) => match[1] ?? "");
}
