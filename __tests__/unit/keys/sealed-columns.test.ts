import { readFileSync } from "node:fs";
import path from "node:path";
import { SEALED_COLUMNS } from "@/lib/keys/sealed-columns";

// Every column the schema names "…Enc" holds our ciphertext; one that is not in
// the registry would never be re-encrypted, and retiring a key would strand it.
function encryptedColumnsInSchema(): string[] {
  const schema = readFileSync(path.join(__dirname, "../../../prisma/schema.prisma"), "utf8");
  const found: string[] = [];
  let model: string | undefined;
  for (const line of schema.split("\n")) {
    model = /^model (\w+) \{/.exec(line)?.[1] ?? (line.startsWith("}") ? undefined : model);
    const column = /^\s+(\w+Enc)\s/.exec(line)?.[1];
    if (model && column) found.push(`${model}.${column}`);
  }
  return found.sort();
}

describe("SEALED_COLUMNS", () => {
  it("lists every encrypted column of the schema", () => {
    const registered = new Set(SEALED_COLUMNS.map((c) => `${c.table}.${c.column}`));
    const schemaColumns = encryptedColumnsInSchema();
    expect(schemaColumns.length).toBeGreaterThanOrEqual(12);
    expect(schemaColumns.filter((column) => !registered.has(column))).toEqual([]);
  });
});
