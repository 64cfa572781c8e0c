import "server-only";
import { z } from "zod";
import { hashForLookup } from "@/lib/crypto/lookup-hash";
import { normaliseName } from "@/lib/crypto/normalise-name";
import { lookupHashKey } from "@/lib/security/secrets";
import { normalisePhoneNumber } from "@/lib/validations/phone-number";

export type SearchKind = "reference" | "phone" | "email" | "name";
export type SearchCriteria = { referenceCode?: string; phoneHash?: string; emailHash?: string; firstNameHash?: string };

export type ResolvedSearch = { ok: true; kinds: SearchKind[]; criteria: SearchCriteria } | { ok: false; message: string };

const CODE_SYMBOL = "[ABCDEFGHJKMNPQRTWXY346789]";
const REFERENCE = new RegExp(`^(${CODE_SYMBOL}{4})-?(${CODE_SYMBOL}{4})$`);
const PHONE_LIKE = /^\+?[\d\s().\-]+$/;

// Turns a search term into exact-match criteria over stored columns, without
// reading any ciphertext: a reference code as is, a phone number, email
// address or first name as the keyed hash the submission stored, after the
// very same normalisation (InquirySchema's phone and email rules,
// normaliseName). Nothing is fuzzy, so nothing needs decrypting.
export function resolveInboxSearch(term: string): ResolvedSearch {
  const key = lookupHashKey();
  if (term.includes("@")) {
    const email = z.email().safeParse(term.toLowerCase());
    if (!email.success) return { ok: false, message: "That is not a complete email address." };
    return { ok: true, kinds: ["email"], criteria: { emailHash: hashForLookup({ key, kind: "email", value: email.data }) } };
  }
  if (PHONE_LIKE.test(term)) {
    const phone = normalisePhoneNumber(term);
    if (phone === null) return { ok: false, message: "That is not a complete phone number (10 digits, or + and the country code)." };
    return { ok: true, kinds: ["phone"], criteria: { phoneHash: hashForLookup({ key, kind: "phone", value: phone }) } };
  }
  const kinds: SearchKind[] = [];
  const criteria: SearchCriteria = {};
  const code = REFERENCE.exec(term.toUpperCase().replace(/\s+/g, ""));
  if (code) {
    kinds.push("reference");
    criteria.referenceCode = `${code[1]}-${code[2]}`;
  }
  // Eight letters can be a code or a name ("MARGARET"): then both are looked up.
  const name = normaliseName(term);
  if (/\p{L}/u.test(name) && !/\p{N}/u.test(name)) {
    kinds.push("name");
    criteria.firstNameHash = hashForLookup({ key, kind: "name", value: name });
  }
  if (kinds.length === 0) return { ok: false, message: "Type a reference code, phone number, email address or first name." };
  return { ok: true, kinds, criteria };
}
