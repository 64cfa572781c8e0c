import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { hashForLookup } from "@/lib/crypto/lookup-hash";
import { normaliseName } from "@/lib/crypto/normalise-name";
import { assertKeysOpenData } from "@/lib/keys/assert-keys-open-data";
import { rehashLookups } from "@/lib/keys/rehash-lookups";
import { keyringOf, newKeySpec, writeSealedInquiries } from "@/__tests__/support/sealed-fixtures";
import { onTestDatabaseTeardown, provideTestDatabase } from "@/__tests__/support/test-database";

// LOOKUP_HMAC_KEY rotation: every lookup hash recomputed from the decrypted
// answers under the new key, without the old one; the start-up check then
// accepts the new key and refuses the old.
const database = provideTestDatabase();
let sql: Client;
const keyring = keyringOf(newKeySpec("k1"));
const oldLookup = randomBytes(32);
const newLookup = randomBytes(32);

beforeAll(async () => {
  sql = new Client({ connectionString: database.url });
  await sql.connect();
});
onTestDatabaseTeardown(async () => {
  await sql.end();
});

async function startsWith(lookupKey: Buffer): Promise<string> {
  return assertKeysOpenData({ sql, keyring, lookupKey }).then(
    () => "started",
    (error: Error) => error.message,
  );
}

it("re-hashes phone, email and first name under the new key, then only the new key starts", async () => {
  expect(await startsWith(oldLookup)).toBe("started");
  const inquiries = await writeSealedInquiries(sql, { keyring, lookupKey: oldLookup, count: 7 });
  await sql.query(`UPDATE "Inquiry" SET "emailEnc" = NULL, "emailHash" = NULL WHERE "id" = $1`, [inquiries[0]?.id]);
  expect(await startsWith(newLookup)).toContain("LOOKUP_HMAC_KEY is not the key the stored lookup hashes were made with");

  const result = await rehashLookups({ sql, keyring, lookupKey: newLookup });
  expect(result).toEqual({ examined: 7, rehashed: 7, changedMeanwhile: 0, failed: 0, retiredKeyIds: [expect.any(String)] });
  for (const [i, inquiry] of inquiries.entries()) {
    const { rows } = await sql.query<{ phoneHash: string; emailHash: string | null; firstNameHash: string }>(
      `SELECT "phoneHash", "emailHash", "firstNameHash" FROM "Inquiry" WHERE "id" = $1`,
      [inquiry.id],
    );
    expect(rows[0]).toEqual({
      phoneHash: hashForLookup({ key: newLookup, kind: "phone", value: inquiry.answers.phone }),
      emailHash: i === 0 ? null : hashForLookup({ key: newLookup, kind: "email", value: inquiry.answers.email }),
      firstNameHash: hashForLookup({ key: newLookup, kind: "name", value: normaliseName(inquiry.answers.firstName) }),
    });
  }
  expect(await startsWith(newLookup)).toBe("started");
  expect(await startsWith(oldLookup)).toContain("LOOKUP_HMAC_KEY is not the key");
  expect(await startsWith(oldLookup)).not.toContain(oldLookup.toString("base64"));

  const again = await rehashLookups({ sql, keyring, lookupKey: newLookup });
  expect(again).toMatchObject({ examined: 7, rehashed: 0, failed: 0 });
});

it("keeps the old key live when an answer cannot be decrypted", async () => {
  await writeSealedInquiries(sql, { keyring: keyringOf(newKeySpec("gone")), lookupKey: newLookup, count: 1 });
  const third = randomBytes(32);
  const result = await rehashLookups({ sql, keyring, lookupKey: third });
  expect(result).toMatchObject({ failed: 1, rehashed: 7, retiredKeyIds: [] });
  expect(await startsWith(newLookup)).toBe("started");
  expect(await startsWith(third)).toBe("started");
});
