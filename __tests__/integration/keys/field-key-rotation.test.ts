import { randomBytes } from "node:crypto";
import { symmetricDecrypt, symmetricEncrypt } from "better-auth/crypto";
import { Client } from "pg";
import { deriveAuthSecret } from "@/lib/auth/auth-secret";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";
import { assertKeysOpenData } from "@/lib/keys/assert-keys-open-data";
import { storedSecretConfig } from "@/lib/keys/better-auth-secrets";
import { rotateFieldKeys } from "@/lib/keys/rotate-field-keys";
import { SEALED_COLUMNS } from "@/lib/keys/sealed-columns";
import { StartupRefusedError } from "@/lib/startup/startup-refused-error";
import { keyringOf, newKeySpec, openAll, writeSealedInquiries } from "@/__tests__/support/sealed-fixtures";
import { onTestDatabaseTeardown, provideTestDatabase } from "@/__tests__/support/test-database";

// Issue 10's rotation test: data written under k1, rotated to k2, k1 removed:
// every record decrypts and the start-up check passes; with k2 removed
// instead, start-up refuses naming k2. A rotation that crashes midway resumes,
// and a second rotation has nothing to do.
const database = provideTestDatabase();
let sql: Client;
const k1 = newKeySpec("k1");
const k2 = newKeySpec("k2");
const lookupKey = randomBytes(32);
const appSecretA = randomBytes(32).toString("base64");

beforeAll(async () => {
  sql = new Client({ connectionString: database.url });
  await sql.connect();
});
onTestDatabaseTeardown(async () => {
  await sql.end();
});

async function refusal(keyring: ReturnType<typeof keyringOf>): Promise<string> {
  try {
    await assertKeysOpenData({ sql, keyring, lookupKey });
  } catch (error) {
    if (error instanceof StartupRefusedError) return error.message;
    throw error;
  }
  return "(passed)";
}

async function keyChecks(): Promise<{ keyId: string; retired: boolean }[]> {
  const { rows } = await sql.query<{ keyId: string; retired: boolean }>(
    `SELECT "keyId", "retiredAt" IS NOT NULL AS "retired" FROM "KeyCheck" WHERE "kind" = 'field' ORDER BY "keyId"`,
  );
  return rows;
}

it("passes on a brand-new database and records the active key without storing it", async () => {
  await expect(assertKeysOpenData({ sql, keyring: keyringOf(k1), lookupKey })).resolves.toBeUndefined();
  const { rows } = await sql.query<{ kind: string; checkValue: string }>(`SELECT "kind", "checkValue" FROM "KeyCheck" ORDER BY "kind"`);
  expect(rows.map((r) => r.kind)).toEqual(["field", "lookup"]);
  const material = k1.split(":")[1] ?? "";
  for (const row of rows) expect(row.checkValue).not.toContain(material);
  await expect(assertKeysOpenData({ sql, keyring: keyringOf(k1), lookupKey })).resolves.toBeUndefined();
});

it("refuses a key with the right id but other material, and another lookup key", async () => {
  expect(await refusal(keyringOf(newKeySpec("k1")))).toContain("field-encryption key k1 in FIELD_ENCRYPTION_KEY/FIELD_ENCRYPTION_PREVIOUS_KEYS is not the key");
  const message = await assertKeysOpenData({ sql, keyring: keyringOf(k1), lookupKey: randomBytes(32) }).then(
    () => "(passed)",
    (error: Error) => error.message,
  );
  expect(message).toContain("LOOKUP_HMAC_KEY is not the key the stored lookup hashes were made with");
});

it("rotates k1 to k2 (resuming after a crash), retires k1, and the check then needs k2 only", async () => {
  const inquiries = await writeSealedInquiries(sql, { keyring: keyringOf(k1), lookupKey, count: 12 });
  const insurance = await writeSealedInsurance(inquiries[0]?.id ?? "");
  const signingA = deriveAuthSecret(appSecretA);
  // A TOTP seed as Better Auth stored it before this change: bare hex under the APP_SECRET-derived secret.
  await sql.query(`INSERT INTO "StaffUser" ("id", "name", "email") VALUES ('u1', 'Staff', 'staff@clinic.example')`);
  await sql.query(`INSERT INTO "StaffTwoFactor" ("id", "secret", "backupCodes", "userId") VALUES ('tf1', $1, $2, 'u1')`, [
    await symmetricEncrypt({ key: signingA, data: "SEED-ABCDEFGHIJKLMNOP" }),
    await symmetricEncrypt({ key: signingA, data: JSON.stringify(["aaaaa-bbbbb"]) }),
  ]);

  const rotating = keyringOf(k2, k1);
  // Start-up with the new active key and the old one as previous passes, and records k2.
  await expect(assertKeysOpenData({ sql, keyring: rotating, lookupKey })).resolves.toBeUndefined();
  const ctx = { keyring: rotating, authSigningSecret: signingA };
  let batches = 0;
  const crash = async () => {
    batches += 1;
    if (batches === 2) throw new Error("simulated crash");
  };
  await expect(rotateFieldKeys({ sql, ctx, lookupKey, batchSize: 5, afterBatch: crash })).rejects.toThrow("simulated crash");
  const { rows: mixed } = await sql.query<{ k1: number; k2: number }>(
    `SELECT count(*) FILTER (WHERE "firstNameEnc" LIKE 'v1.k1.%')::int AS k1, count(*) FILTER (WHERE "firstNameEnc" LIKE 'v1.k2.%')::int AS k2 FROM "Inquiry"`,
  );
  expect(mixed[0]).toEqual({ k1: 2, k2: 10 });
  expect(await keyChecks()).toEqual([{ keyId: "k1", retired: false }, { keyId: "k2", retired: false }]);
  expect(await refusal(keyringOf(k2))).toContain("field-encryption key k1 is missing from FIELD_ENCRYPTION_KEY/FIELD_ENCRYPTION_PREVIOUS_KEYS");

  const resumed = await rotateFieldKeys({ sql, ctx, lookupKey, batchSize: 5 });
  expect(resumed.retiredKeyIds).toEqual(["k1"]);
  expect(resumed.remainingUnderOldKeys).toBe(0);
  const resealed = Object.fromEntries(resumed.columns.map((c) => [`${c.table}.${c.column}`, c.resealed]));
  expect(resealed).toEqual({
    "Inquiry.firstNameEnc": 2,
    "Inquiry.phoneEnc": 12,
    "Inquiry.emailEnc": 12,
    "Inquiry.messageEnc": 12,
    "Inquiry.referrerNameEnc": 12,
    "Inquiry.referrerRelationshipEnc": 12,
    "Inquiry.personAwareEnc": 12,
    "Inquiry.referringOrganisationEnc": 0,
    "InquiryNoteVersion.bodyEnc": 12,
    "AdminReasonNote.textEnc": 0,
    "WebhookEndpoint.urlEnc": 0,
    "WebhookEndpoint.secretEnc": 0,
    "WebhookEndpoint.previousSecretEnc": 0,
    "ConsentRecord.recipientEnc": 0,
    "InquiryCoverage.payerOtherEnc": 1,
    "InquiryCoverage.memberIdEnc": 1,
    "InquiryCoverage.groupNumberEnc": 1,
    "InquiryCoverage.subscriberNameEnc": 1,
    "InquiryCoverage.subscriberDobEnc": 1,
    "InquiryVerification.referenceEnc": 1,
    "InquiryVerification.notesEnc": 1,
    "StaffTwoFactor.secret": 1,
    "StaffTwoFactor.backupCodes": 1,
  });
  expect(resumed.columns.every((c) => c.failed === 0)).toBe(true);

  // k1 removed: the check passes and every record opens with k2 alone.
  await expect(assertKeysOpenData({ sql, keyring: keyringOf(k2), lookupKey })).resolves.toBeUndefined();
  await openAll(sql, keyringOf(k2), inquiries);
  await expect(openAll(sql, keyringOf(k1), inquiries)).rejects.toThrow();
  await openInsurance(keyringOf(k2), insurance);
  // The seed now opens without APP_SECRET: under a different signing secret, with k2 only.
  const { rows: seeds } = await sql.query<{ secret: string; backupCodes: string }>(`SELECT "secret", "backupCodes" FROM "StaffTwoFactor"`);
  const otherSigning = deriveAuthSecret(randomBytes(32).toString("base64"));
  const withoutA = { ...storedSecretConfig({ keyring: keyringOf(k2), signingSecret: otherSigning }), legacySecret: undefined };
  expect(await symmetricDecrypt({ key: withoutA, data: seeds[0]?.secret ?? "" })).toBe("SEED-ABCDEFGHIJKLMNOP");
  expect(await symmetricDecrypt({ key: withoutA, data: seeds[0]?.backupCodes ?? "" })).toBe('["aaaaa-bbbbb"]');

  // k2 removed instead: refused, naming k2.
  const refused = await refusal(keyringOf(k1));
  expect(refused).toContain("field-encryption key k2 is missing from FIELD_ENCRYPTION_KEY/FIELD_ENCRYPTION_PREVIOUS_KEYS");
  expect(refused).not.toContain(k2.split(":")[1]);

  // A second rotation is a no-op.
  const again = await rotateFieldKeys({ sql, ctx: { keyring: keyringOf(k2), authSigningSecret: otherSigning }, lookupKey });
  expect(again.columns.map((c) => c.resealed + c.failed + c.changedMeanwhile)).toEqual(again.columns.map(() => 0));
  expect(again.retiredKeyIds).toEqual([]);
});

it("counts values under a key it does not hold, changes nothing of theirs, and retires no key while they remain", async () => {
  const k3 = newKeySpec("k3");
  const lost = newKeySpec("lost");
  await writeSealedInquiries(sql, { keyring: keyringOf(lost), lookupKey, count: 1 });
  const result = await rotateFieldKeys({ sql, ctx: { keyring: keyringOf(k3, k2), authSigningSecret: "x".repeat(44) }, lookupKey });
  expect(result.columns.find((c) => c.column === "phoneEnc")?.failed).toBe(1);
  expect(result.remainingUnderOldKeys).toBeGreaterThan(0);
  expect(result.retiredKeyIds).toEqual([]);
  expect(await keyChecks()).toEqual(expect.arrayContaining([{ keyId: "k2", retired: false }]));
});

it("leaves alone a value the app rewrote between the rotation's read and its write", async () => {
  const k4 = newKeySpec("k4");
  const [inquiry] = await writeSealedInquiries(sql, { keyring: keyringOf(k4), lookupKey, count: 1 });
  const phone = SEALED_COLUMNS.find((c) => c.table === "Inquiry" && c.column === "phoneEnc");
  if (!phone || !inquiry) throw new Error("fixture");
  const appValue = encryptField({ keyring: keyringOf(k4), plaintext: "+15550009999", context: `Inquiry.phone:${inquiry.id}` });
  const racing = {
    ...phone,
    format: {
      ...phone.format,
      async reseal(options: Parameters<typeof phone.format.reseal>[0]) {
        if (options.rowId === inquiry.id) await sql.query(`UPDATE "Inquiry" SET "phoneEnc" = $2 WHERE "id" = $1`, [inquiry.id, appValue]);
        return phone.format.reseal(options);
      },
    },
  };
  const k5 = newKeySpec("k5");
  const result = await rotateFieldKeys({ sql, ctx: { keyring: keyringOf(k5, k4), authSigningSecret: "x".repeat(44) }, lookupKey, columns: [racing] });
  expect(result.columns[0]).toMatchObject({ changedMeanwhile: 1 });
  const { rows } = await sql.query<{ phoneEnc: string }>(`SELECT "phoneEnc" FROM "Inquiry" WHERE "id" = $1`, [inquiry.id]);
  expect(rows[0]?.phoneEnc).toBe(appValue);
});

// Issue 12: one coverage and one verification with every sealed field set, under k1.
async function writeSealedInsurance(inquiryId: string): Promise<Record<string, { id: string; value: string }>> {
  const keyring = keyringOf(k1);
  const coverageId = "00000000-0000-4000-8000-00000000c0c0";
  const verificationId = "00000000-0000-4000-8000-00000000a1a1";
  const values: Record<string, { id: string; value: string }> = {};
  const seal = (table: string, field: string, id: string) => {
    const value = `${field}-secret`;
    values[`${table}.${field}`] = { id, value };
    return encryptField({ keyring, plaintext: value, context: `${table}.${field}:${id}` });
  };
  await sql.query(
    `INSERT INTO "InquiryCoverage" ("id", "inquiryId", "rank", "kind", "payerOtherEnc", "memberIdEnc", "groupNumberEnc", "subscriberNameEnc", "subscriberDobEnc")
     VALUES ($1, $2, 'PRIMARY', 'PRIVATE', $3, $4, $5, $6, $7)`,
    [coverageId, inquiryId, ...["payerOther", "memberId", "groupNumber", "subscriberName", "subscriberDob"].map((field) => seal("InquiryCoverage", field, coverageId))],
  );
  await sql.query(`INSERT INTO "InquiryVerification" ("id", "inquiryId", "referenceEnc", "notesEnc") VALUES ($1, $2, $3, $4)`, [
    verificationId,
    inquiryId,
    seal("InquiryVerification", "reference", verificationId),
    seal("InquiryVerification", "notes", verificationId),
  ]);
  return values;
}

async function openInsurance(keyring: ReturnType<typeof keyringOf>, values: Record<string, { id: string; value: string }>): Promise<void> {
  for (const [key, { id, value }] of Object.entries(values)) {
    const [table = "", field = ""] = key.split(".");
    const { rows } = await sql.query<{ v: string }>(`SELECT "${field}Enc" AS v FROM "${table}" WHERE "id" = $1`, [id]);
    expect(decryptField({ keyring, ciphertext: rows[0]?.v ?? "", context: `${table}.${field}:${id}` })).toBe(value);
  }
}
