import "server-only";
import { getAuth } from "@/lib/auth/auth";
import { isHashedCodeList, toHashedList } from "@/lib/auth/second-factor/recovery-code-storage";
import { getDb } from "@/lib/db/client";

// Recovery codes stored before they were hashed (the library's reversible
// encryption) are rewritten hashed. Needs the auth secret, so it cannot be a
// SQL migration; the minute tick runs it (cheap once done: already-hashed
// lists are skipped by the filter). Each row is swapped only if unchanged
// since it was read, so a code used meanwhile is not brought back.
export async function hashLegacyRecoveryCodes(): Promise<number> {
  const db = getDb();
  const rows = await db.$queryRaw<{ id: string; backupCodes: string }[]>`
    SELECT "id", "backupCodes" FROM "StaffTwoFactor" WHERE "backupCodes" NOT LIKE '["#%' AND "backupCodes" <> '[]' LIMIT 100`;
  if (rows.length === 0) return 0;
  const { secretConfig } = await getAuth().$context;
  let converted = 0;
  for (const row of rows) {
    if (isHashedCodeList(row.backupCodes)) continue;
    const hashed = JSON.stringify(await toHashedList(row.backupCodes, secretConfig));
    const updated = await db.staffTwoFactor.updateMany({ where: { id: row.id, backupCodes: row.backupCodes }, data: { backupCodes: hashed } });
    converted += updated.count;
  }
  return converted;
}
