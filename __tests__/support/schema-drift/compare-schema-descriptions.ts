/**
 * Every way `actual` (the database) departs from `expected` (schema.prisma),
 * one sentence per difference, sorted so a failing test prints a stable list.
 */
export function compareSchemaDescriptions(options: {
  expected: Map<string, string>;
  actual: Map<string, string>;
}): string[] {
  const { expected, actual } = options;
  const differences: string[] = [];

  for (const [what, wanted] of expected) {
    const found = actual.get(what);
    if (found === undefined) {
      differences.push(`missing from the database: ${what} (${wanted})`);
    } else if (found !== wanted) {
      differences.push(`differs: ${what}: schema.prisma says ${wanted}; the database has ${found}`);
    }
  }
  for (const [what, found] of actual) {
    if (!expected.has(what)) differences.push(`not in schema.prisma: ${what} (${found})`);
  }

  return differences.sort();
}
