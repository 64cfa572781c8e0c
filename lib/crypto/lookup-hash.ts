import { createHmac } from "node:crypto";

// Keyed hash for exact-match lookups (duplicate detection, staff search) over
// encrypted values. Plain SHA-256 of a phone number is reversible by brute force
// (10^10 candidates); an HMAC under a secret key is not. The kind is part of the
// input so equal strings in different roles never share a hash.
//
// "name" (a normalised first name, lib/crypto/normalise-name.ts) is weaker than
// the others, and honestly so. It gives staff an exact-match name search without
// decrypting the table, and the HMAC means a dump alone cannot be checked
// against a list of names. But first names are low-entropy: with the key too,
// a list of a few thousand common names unmasks most rows in seconds; and even
// without it, equal hashes show which rows share a name, so the most frequent
// hashes are guessable ("maria", "john") by frequency. Guard this key like the
// encryption key; rotating it means recomputing every stored hash.
export type LookupKind = "phone" | "email" | "ip" | "name";

export function hashForLookup(options: { key: Buffer; kind: LookupKind; value: string }): string {
  return createHmac("sha256", options.key).update(`${options.kind}\u0000${options.value}`).digest("hex");
}
