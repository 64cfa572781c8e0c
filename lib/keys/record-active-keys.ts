import type { Keyring } from "@/lib/crypto/keyring-format";
import { fieldCheckValue, lookupCheckValue, lookupKeyId } from "@/lib/keys/key-check-values";
import type { SqlClient } from "@/lib/keys/sql-client";

// Records the active field key's check row when it is new, and the lookup
// key's when no lookup key is recorded yet (a new database, or the first start
// after the key-check table was added). Plain INSERTs, so the runtime role
// suffices and two instances starting together agree (ON CONFLICT).
export async function recordActiveKeys(options: { sql: SqlClient; keyring: Keyring; lookupKey: Buffer }): Promise<void> {
  const { sql, keyring, lookupKey } = options;
  await sql.query(
    `INSERT INTO "KeyCheck" ("kind", "keyId", "checkValue") VALUES ('field', $1, $2) ON CONFLICT ("kind", "keyId") DO NOTHING`,
    [keyring.active.id, fieldCheckValue(keyring.active)],
  );
  await sql.query(
    `INSERT INTO "KeyCheck" ("kind", "keyId", "checkValue")
     SELECT 'lookup', $1, $2 WHERE NOT EXISTS (SELECT 1 FROM "KeyCheck" WHERE "kind" = 'lookup' AND "retiredAt" IS NULL)
     ON CONFLICT ("kind", "keyId") DO NOTHING`,
    [lookupKeyId(lookupKey), lookupCheckValue(lookupKey)],
  );
}
