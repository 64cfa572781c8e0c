// The one normal form of a first name for the exact-match name search
// (Inquiry.firstNameHash): the submission hashes it, the inbox search hashes
// what staff type, and the two meet only if both went through this function.
// Case, accents, spacing and punctuation are ignored ("José-Luis " and
// "jose luis" are the same name), because staff hear names over the phone and
// cannot know how the person typed theirs. Nothing else is fuzzy: a keyed hash
// can only ever answer "exactly this normalised value".
export function normaliseName(input: string): string {
  return input
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
