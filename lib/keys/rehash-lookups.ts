import { decryptField } from "@/lib/crypto/field-encryption";
import type { Keyring } from "@/lib/crypto/keyring-format";
import { hashForLookup, type LookupKind } from "@/lib/crypto/lookup-hash";
import { normaliseName } from "@/lib/crypto/normalise-name";
import { lookupCheckValue, lookupKeyId } from "@/lib/keys/key-check-values";
import type { RotationProgress } from "@/lib/keys/rotate-sealed-column";
import type { SqlClient } from "@/lib/keys/sql-client";

// Every keyed lookup hash and the encrypted answer it is computed from (the
// same way lib/inquiries/encrypt-inquiry-fields.ts computes it). A new lookup
// column is one entry here.
const LOOKUP_HASHES: readonly { hash: string; source: string; kind: LookupKind; normalise: (value: string) => string }[] = [
  { hash: "phoneHash", source: "phone", kind: "phone", normalise: (v) => v },
  { hash: "emailHash", source: "email", kind: "email", normalise: (v) => v },
  { hash: "firstNameHash", source: "firstName", kind: "name", normalise: normaliseName },
];

const BATCH_SIZE = 500;

export type LookupRehash = { examined: number; rehashed: number; changedMeanwhile: number; failed: number; retiredKeyIds: string[] };

type Row = { id: string } & Record<string, string | null>;

// `npm run keys:rehash-lookups`: recomputes every lookup hash under the lookup
// key given (the new LOOKUP_HMAC_KEY) from the decrypted answers, so the old
// key is never needed. Resumable and idempotent: a row whose hashes are
// already right is left alone, and each UPDATE is conditional on the hashes
// read. When every row could be opened, the new key is the only live lookup
// key in "KeyCheck" (the start-up check then refuses the old one).
export async function rehashLookups(options: {
  sql: SqlClient;
  keyring: Keyring;
  lookupKey: Buffer;
  onProgress?: (progress: RotationProgress) => void;
}): Promise<LookupRehash> {
  const { sql, keyring, lookupKey } = options;
  const newId = lookupKeyId(lookupKey);
  await sql.query(
    `INSERT INTO "KeyCheck" ("kind", "keyId", "checkValue") VALUES ('lookup', $1, $2)
     ON CONFLICT ("kind", "keyId") DO UPDATE SET "retiredAt" = NULL`,
    [newId, lookupCheckValue(lookupKey)],
  );
  const columns = LOOKUP_HASHES.flatMap((l) => [`"${l.hash}"`, `"${l.source}Enc"`]).join(", ");
  const counted = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Inquiry" WHERE "anonymisedAt" IS NULL`);
  const total = counted.rows[0]?.n ?? 0;
  const result: LookupRehash = { examined: 0, rehashed: 0, changedMeanwhile: 0, failed: 0, retiredKeyIds: [] };
  let after: string | null = null;
  for (;;) {
    const { rows }: { rows: Row[] } = await sql.query<Row>(
      `SELECT "id"::text AS "id", ${columns} FROM "Inquiry"
       WHERE "anonymisedAt" IS NULL AND ($1::uuid IS NULL OR "id" > $1::uuid) ORDER BY "id" LIMIT ${BATCH_SIZE}`,
      [after],
    );
    for (const row of rows) {
      let fresh: (string | null)[];
      try {
        fresh = LOOKUP_HASHES.map((l) => {
          const sealed = row[`${l.source}Enc`];
          if (!sealed) return null;
          const value = l.normalise(decryptField({ keyring, ciphertext: sealed, context: `Inquiry.${l.source}:${row.id}` }));
          return value === "" ? null : hashForLookup({ key: lookupKey, kind: l.kind, value });
        });
      } catch {
        result.failed += 1;
        continue;
      }
      const stored = LOOKUP_HASHES.map((l) => row[l.hash] ?? null);
      if (fresh.every((hash, i) => hash === stored[i])) continue;
      const sets = LOOKUP_HASHES.map((l, i) => `"${l.hash}" = $${i + 2}`).join(", ");
      const guards = LOOKUP_HASHES.map((l, i) => `"${l.hash}" IS NOT DISTINCT FROM $${i + 2 + LOOKUP_HASHES.length}`).join(" AND ");
      const updated = await sql.query(`UPDATE "Inquiry" SET ${sets} WHERE "id" = $1::uuid AND "anonymisedAt" IS NULL AND ${guards}`, [row.id, ...fresh, ...stored]);
      if (updated.rowCount === 1) result.rehashed += 1;
      else result.changedMeanwhile += 1;
    }
    result.examined += rows.length;
    options.onProgress?.({ table: "Inquiry", column: "lookup hashes", done: result.examined, total: Math.max(total, result.examined) });
    if (rows.length < BATCH_SIZE) break;
    after = rows[rows.length - 1]?.id ?? null;
  }
  if (result.failed === 0) {
    const retired = await sql.query<{ keyId: string }>(
      `UPDATE "KeyCheck" SET "retiredAt" = now() WHERE "kind" = 'lookup' AND "keyId" <> $1 AND "retiredAt" IS NULL RETURNING "keyId"`,
      [newId],
    );
    result.retiredKeyIds = retired.rows.map((r) => r.keyId);
  }
  return result;
}
