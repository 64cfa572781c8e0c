import { readFile } from "node:fs/promises";
import path from "node:path";
import { checkKeys } from "@/lib/startup/preflight/check-keys";
import { StartupRefusedError } from "@/lib/startup/startup-refused-error";
import { keyringOf, newKeySpec, writeSealedInquiries } from "@/__tests__/support/sealed-fixtures";
import { provideTestDatabaseClient } from "@/__tests__/support/test-database-client";

// The pre-flight key check as `npm start` runs it (keys from the environment),
// and on a database upgraded with data already in it: the migration lists the
// key ids the data uses, so the first start refuses a keyring without them.
const database = provideTestDatabaseClient();
const old = newKeySpec("k0");

async function migrationStatement(marker: string): Promise<string> {
  const file = path.join(process.cwd(), "prisma/migrations/20261206020000_key_checks_and_request_metadata/migration.sql");
  const text = await readFile(file, "utf8");
  const start = text.indexOf(marker);
  return text.slice(start, text.indexOf(";", start) + 1);
}

it("refuses on an upgraded database whose data is under a key id the keyring lacks, naming it", async () => {
  await writeSealedInquiries(database.sql, { keyring: keyringOf(old), lookupKey: Buffer.alloc(32, 1), count: 2 });
  // What the migration does on a database that already holds data.
  await database.sql.query(await migrationStatement(`INSERT INTO "KeyCheck" ("kind", "keyId")`));
  const refused = await checkKeys({ client: database.sql }).catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(StartupRefusedError);
  expect((refused as Error).message).toContain("field-encryption key k0 is missing from FIELD_ENCRYPTION_KEY/FIELD_ENCRYPTION_PREVIOUS_KEYS");
  expect((refused as Error).message).not.toContain(old.split(":")[1]);
});

it("passes once the key is among the previous keys, and records its check value", async () => {
  process.env.FIELD_ENCRYPTION_PREVIOUS_KEYS = old;
  jest.resetModules();
  const fresh = await import("@/lib/startup/preflight/check-keys");
  await expect(fresh.checkKeys({ client: database.sql })).resolves.toBeUndefined();
  const { rows } = await database.sql.query<{ keyId: string; checkValue: string | null }>(`SELECT "keyId", "checkValue" FROM "KeyCheck" WHERE "kind" = 'field' ORDER BY "keyId"`);
  expect(rows.map((r) => [r.keyId, r.checkValue?.startsWith(`v1.${r.keyId}.`)])).toEqual([
    ["k0", true],
    ["t1", true],
  ]);
});
