import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";

// The ~49,000 most common passwords from breach corpora (zxcvbn-ts's list,
// bundled in node_modules: no network call). Loaded once, on first use.
let commonPasswords: ReadonlySet<string> | undefined;

function list(): ReadonlySet<string> {
  commonPasswords ??= new Set(dictionary["passwords-common"].map((word) => word.toLowerCase()));
  return commonPasswords;
}

// Look-alike substitutions people use to "strengthen" a word.
const LOOK_ALIKES: Record<string, string> = { "@": "a", "4": "a", "3": "e", "1": "i", "!": "i", "0": "o", "$": "s", "5": "s", "7": "t" };

// "Summer2024!!", "2024Password!!" and "P@ssword2024" are as guessable as
// their stems, so the check also tries the password without leading and
// trailing digits and symbols, with look-alike characters undone.
export function isCommonPassword(password: string): boolean {
  const lowered = password.toLowerCase();
  const stem = lowered.replace(/^[\d\p{P}\p{S}\s]+|[\d\p{P}\p{S}\s]+$/gu, "");
  const unLeeted = [...lowered].map((char) => LOOK_ALIKES[char] ?? char).join("");
  const unLeetedStem = [...stem].map((char) => LOOK_ALIKES[char] ?? char).join("");
  const candidates = [lowered, stem, unLeeted, unLeetedStem].filter((word) => word.length >= 4);
  return candidates.some((word) => list().has(word)) || /^(.)\1+$/u.test(lowered);
}
