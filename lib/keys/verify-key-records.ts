import type { Keyring } from "@/lib/crypto/keyring-format";
import { fieldCheckOpens, fieldCheckValue, lookupCheckValue, lookupKeyId } from "@/lib/keys/key-check-values";
import type { SqlClient } from "@/lib/keys/sql-client";

type KeyCheckRow = { kind: string; keyId: string; checkValue: string | null; retired: boolean };

const FIELD_VARIABLES = "FIELD_ENCRYPTION_KEY/FIELD_ENCRYPTION_PREVIOUS_KEYS";

// Compares the recorded keys with the configured ones and returns one line per
// problem (empty: all good). Names key ids and variables, never key material.
// Side effects, both idempotent: a row recorded without a check value (the
// migration lists key ids found in existing data) gets one from the key that
// holds its id, and when all is well the active key's row is un-retired if
// it was retired (an old key made active again).
export async function verifyKeyRecords(options: { sql: SqlClient; keyring: Keyring; lookupKey: Buffer }): Promise<string[]> {
  const { sql, keyring, lookupKey } = options;
  const { rows } = await sql.query<KeyCheckRow>(
    `SELECT "kind", "keyId", "checkValue", "retiredAt" IS NOT NULL AS "retired" FROM "KeyCheck" ORDER BY "kind", "keyId"`,
  );
  const problems: string[] = [];
  let unretire = false;
  for (const row of rows.filter((r) => r.kind === "field" && (!r.retired || r.keyId === keyring.active.id))) {
    const key = keyring.byId.get(row.keyId);
    if (!key) {
      problems.push(`field-encryption key ${row.keyId} is missing from ${FIELD_VARIABLES}: stored data is encrypted under it.`);
    } else if (row.checkValue === null) {
      await sql.query(`UPDATE "KeyCheck" SET "checkValue" = $2 WHERE "kind" = 'field' AND "keyId" = $1 AND "checkValue" IS NULL`, [row.keyId, fieldCheckValue(key)]);
    } else if (!fieldCheckOpens(key, row.checkValue)) {
      problems.push(`field-encryption key ${row.keyId} in ${FIELD_VARIABLES} is not the key the stored data under that id was written with.`);
    } else if (row.retired) {
      unretire = true;
    }
  }
  const liveLookup = rows.filter((r) => r.kind === "lookup" && !r.retired);
  const mine = liveLookup.find((r) => r.keyId === lookupKeyId(lookupKey));
  if (liveLookup.length > 0 && (!mine || mine.checkValue !== lookupCheckValue(lookupKey))) {
    problems.push(
      "LOOKUP_HMAC_KEY is not the key the stored lookup hashes were made with: restore it, or (rotating it) run `npm run keys:rehash-lookups` with the new key first.",
    );
  }
  if (unretire && problems.length === 0) {
    await sql.query(`UPDATE "KeyCheck" SET "retiredAt" = NULL WHERE "kind" = 'field' AND "keyId" = $1`, [keyring.active.id]);
  }
  return problems;
}
