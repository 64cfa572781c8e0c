import { hashForLookup } from "@/lib/crypto/lookup-hash";
import { readStoredInquiries } from "./stored-inquiries";
import type { SubmissionRecord } from "./submission-client";

export type StorageCheck = {
  rowsStored: number;
  /** Acknowledged with 201 but with no row, or with a row of somebody else's phone. */
  lost: string[];
  /** Extra rows for one phone number (one submission stored twice). */
  duplicateRows: number;
  /** Reference codes handed to two different submissions. */
  sharedReferenceCodes: number;
  /** Rows that match no submission at all. */
  strayRows: number;
  /** Rows for submissions that were never acknowledged (the client gave up or got a 4xx). */
  storedButUnacknowledged: number;
  /** Acknowledged submissions whose row was written before an attempt that failed (503 or dropped connection): the retry was answered from the stored row. */
  storedBeforeAFailedAttempt: number;
};

/**
 * Compares what the clients were told with what PostgreSQL holds. Each
 * submission has a unique phone number, so its row is found by the keyed
 * phone hash (computed here with the scenario's key) as well as by the
 * reference code it was given.
 */
export async function checkStorage(options: {
  databaseUrl: string;
  lookupKey: string;
  records: readonly SubmissionRecord[];
}): Promise<StorageCheck> {
  const rows = await readStoredInquiries(options.databaseUrl);
  const key = Buffer.from(options.lookupKey, "base64");
  const phoneHashOf = (phone: string) => hashForLookup({ key, kind: "phone", value: phone });
  const byCode = new Map(rows.map((row) => [row.referenceCode, row]));
  const rowsPerHash = new Map<string, number>();
  for (const row of rows) rowsPerHash.set(row.phoneHash ?? "", (rowsPerHash.get(row.phoneHash ?? "") ?? 0) + 1);

  const lost: string[] = [];
  const codeOwners = new Map<string, number>();
  let storedButUnacknowledged = 0;
  let storedBeforeAFailedAttempt = 0;
  const submissionHashes = new Set<string>();
  for (const record of options.records) {
    const hash = phoneHashOf(record.phoneE164);
    submissionHashes.add(hash);
    if (!record.referenceCode) {
      if (rowsPerHash.has(hash)) storedButUnacknowledged += 1;
      continue;
    }
    codeOwners.set(record.referenceCode, (codeOwners.get(record.referenceCode) ?? 0) + 1);
    const row = byCode.get(record.referenceCode);
    if (!row) lost.push(`#${record.index} ${record.referenceCode}: no row`);
    else if (row.phoneHash !== hash) lost.push(`#${record.index} ${record.referenceCode}: the row holds another phone number`);
    else if (record.lastFailureAt !== undefined && row.createdAt.getTime() < record.lastFailureAt) storedBeforeAFailedAttempt += 1;
  }
  return {
    rowsStored: rows.length,
    lost,
    duplicateRows: [...rowsPerHash.values()].reduce((sum, n) => sum + n - 1, 0),
    sharedReferenceCodes: [...codeOwners.values()].filter((n) => n > 1).length,
    strayRows: rows.filter((row) => !submissionHashes.has(row.phoneHash ?? "")).length,
    storedButUnacknowledged,
    storedBeforeAFailedAttempt,
  };
}
