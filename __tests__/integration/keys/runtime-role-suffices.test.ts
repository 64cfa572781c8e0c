import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { assertKeysOpenData } from "@/lib/keys/assert-keys-open-data";
import { rehashLookups } from "@/lib/keys/rehash-lookups";
import { rotateFieldKeys } from "@/lib/keys/rotate-field-keys";
import { keyringOf, newKeySpec, openAll, writeSealedInquiries } from "@/__tests__/support/sealed-fixtures";
import { onTestDatabaseTeardown, provideTestDatabase } from "@/__tests__/support/test-database";

// The start-up check, keys:rotate and keys:rehash-lookups run as the runtime
// role: the harness connects `url` as a member of iop_runtime with the grants
// the migration runner gives it (table privileges only, no DDL); the owner
// only writes the fixtures.
const database = provideTestDatabase();
let owner: Client;
let runtime: Client;

beforeAll(async () => {
  owner = new Client({ connectionString: database.ownerUrl });
  await owner.connect();
  runtime = new Client({ connectionString: database.url });
  await runtime.connect();
});
onTestDatabaseTeardown(async () => {
  await runtime.end();
  await owner.end();
});

it("checks, rotates and re-hashes with table privileges alone", async () => {
  const k1 = newKeySpec("k1");
  const k2 = newKeySpec("k2");
  const lookupKey = randomBytes(32);
  await expect(runtime.query(`CREATE TABLE "Nope" ("id" int)`)).rejects.toThrow(/permission denied/);
  await expect(assertKeysOpenData({ sql: runtime, keyring: keyringOf(k1), lookupKey })).resolves.toBeUndefined();
  const inquiries = await writeSealedInquiries(owner, { keyring: keyringOf(k1), lookupKey, count: 3 });
  await expect(assertKeysOpenData({ sql: runtime, keyring: keyringOf(k2, k1), lookupKey })).resolves.toBeUndefined();
  const rotated = await rotateFieldKeys({ sql: runtime, ctx: { keyring: keyringOf(k2, k1), authSigningSecret: "s".repeat(44) }, lookupKey });
  expect(rotated.retiredKeyIds).toEqual(["k1"]);
  await expect(assertKeysOpenData({ sql: runtime, keyring: keyringOf(k2), lookupKey })).resolves.toBeUndefined();
  await openAll(owner, keyringOf(k2), inquiries);
  const rehashed = await rehashLookups({ sql: runtime, keyring: keyringOf(k2), lookupKey: randomBytes(32) });
  expect(rehashed).toMatchObject({ rehashed: 3, failed: 0 });
});
