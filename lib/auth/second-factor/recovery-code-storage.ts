import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { symmetricDecrypt } from "better-auth/crypto";

// Recovery codes stored one-way. Better Auth 1.7.25's two-factor plugin keeps
// backup codes as a JSON list, by default encrypted with the auth secret
// (reversible: whoever has the database and the secret reads every code), and
// verifies a code with `list.includes(code)` on the *decrypted* list; its
// custom `storeBackupCodes: { encrypt, decrypt }` only swaps the cipher. It
// cannot compare hashes. So we plug in a "cipher" that hashes instead:
//
// - encrypt(list): every plaintext code becomes "#<salt>$<sha256(salt‖code)>";
//   entries already hashed stay as they are.
// - decrypt(stored): the hashed list, except that the one entry matching the
//   code being verified right now (passed in through AsyncLocalStorage by
//   withSubmittedRecoveryCode) is shown as that code, so the library's
//   `includes` finds it, removes it, and writes the rest back (with a
//   compare-and-swap on the old value: each code works once).
//
// A hashed entry can never equal a submitted code: submitted codes are
// letters, digits and "-" only, every hashed entry starts with "#", and the
// list is shown only when the submitted code matches one of its entries.
// Rows written before this change (encrypted lists) are read once more with
// the library's cipher and hashed on the next write; hashLegacyRecoveryCodes
// converts the rest.
const submittedCode = new AsyncLocalStorage<string>();
const HASHED = /^#[0-9a-f]{32}\$[0-9a-f]{64}$/;
export type LegacyKey = Parameters<typeof symmetricDecrypt>[0]["key"];
export const RECOVERY_CODE_SHAPE = /^[A-Za-z0-9-]{6,32}$/;

function hashCode(code: string): string {
  const salt = randomBytes(16).toString("hex");
  return `#${salt}$${createHash("sha256").update(salt).update(code).digest("hex")}`;
}

function matches(entry: string, code: string): boolean {
  if (!HASHED.test(entry)) return false;
  const [salt = "", digest = ""] = entry.slice(1).split("$");
  const candidate = createHash("sha256").update(salt).update(code).digest();
  return timingSafeEqual(candidate, Buffer.from(digest, "hex"));
}

function parseList(text: string): string[] | null {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every((item) => typeof item === "string") ? value : null;
  } catch {
    return null;
  }
}

export function isHashedCodeList(stored: string): boolean {
  const list = parseList(stored);
  return list !== null && list.every((entry) => HASHED.test(entry));
}

// The stored list with every entry hashed: legacy encrypted or plain lists
// are read with `legacyKey` (the library's secret configuration).
export async function toHashedList(stored: string, legacyKey: LegacyKey): Promise<string[]> {
  const list = parseList(stored) ?? parseList(await symmetricDecrypt({ key: legacyKey, data: stored })) ?? [];
  return list.map((entry) => (HASHED.test(entry) ? entry : hashCode(entry)));
}

export function withSubmittedRecoveryCode<T>(code: string, work: () => Promise<T>): Promise<T> {
  return submittedCode.run(code, work);
}

export function recoveryCodeStorage(legacyKey: () => Promise<LegacyKey>) {
  return {
    encrypt: async (json: string): Promise<string> => {
      const list = parseList(json) ?? [];
      return JSON.stringify(list.map((entry) => (HASHED.test(entry) ? entry : hashCode(entry))));
    },
    // Without a matching submitted code the library sees an empty list: no
    // stored entry can ever be "included", whatever string is submitted,
    // and a failed check writes nothing back.
    decrypt: async (stored: string): Promise<string> => {
      const code = submittedCode.getStore();
      if (code === undefined || !RECOVERY_CODE_SHAPE.test(code)) return "[]";
      const list = isHashedCodeList(stored) ? (parseList(stored) ?? []) : await toHashedList(stored, await legacyKey());
      const index = list.findIndex((entry) => matches(entry, code));
      if (index < 0) return "[]";
      list[index] = code;
      return JSON.stringify(list);
    },
  };
}
