import { createHmac } from "node:crypto";

// Keyed hash for exact-match lookups (duplicate detection, staff search) over
// encrypted values. Plain SHA-256 of a phone number is reversible by brute force
// (10^10 candidates); an HMAC under a secret key is not. The kind is part of the
// input so equal strings in different roles never share a hash.
export type LookupKind = "phone" | "email" | "ip";

export function hashForLookup(options: { key: Buffer; kind: LookupKind; value: string }): string {
  return createHmac("sha256", options.key).update(`${options.kind}\u0000${options.value}`).digest("hex");
}
