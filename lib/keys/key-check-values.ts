import { createHmac } from "node:crypto";
import { DecryptionError, decryptField, encryptField } from "@/lib/crypto/field-encryption";
import type { FieldKey } from "@/lib/crypto/keyring-format";

// What the "KeyCheck" table holds instead of keys: under a field key, an
// encryption of a constant (opening it proves the configured key is the one
// the data was written with); for the lookup key, a short keyed hash of one
// constant as its id and a full keyed hash of another as its check value.

const CONSTANT = "iop key check v1";

function single(key: FieldKey) {
  return { active: key, byId: new Map([[key.id, key]]) };
}

export function fieldCheckValue(key: FieldKey): string {
  return encryptField({ keyring: single(key), plaintext: CONSTANT, context: `KeyCheck.field:${key.id}` });
}

export function fieldCheckOpens(key: FieldKey, checkValue: string): boolean {
  try {
    return decryptField({ keyring: single(key), ciphertext: checkValue, context: `KeyCheck.field:${key.id}` }) === CONSTANT;
  } catch (error) {
    if (error instanceof DecryptionError) return false;
    throw error;
  }
}

export function lookupKeyId(key: Buffer): string {
  return createHmac("sha256", key).update("iop lookup key id v1").digest("hex").slice(0, 16);
}

export function lookupCheckValue(key: Buffer): string {
  return createHmac("sha256", key).update(CONSTANT).digest("hex");
}
