import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";

// The ~49,000 most common passwords from breach corpora (zxcvbn-ts's list,
// bundled in node_modules: no network call). Loaded once, on first use.
let commonPasswords: ReadonlySet<string> | undefined;

function list(): ReadonlySet<string> {
  commonPasswords ??= new Set(dictionary["passwords-common"].map((word) => word.toLowerCase()));
  return commonPasswords;
}

// "Summer2024!!" and "password1234" are as guessable as their stems, so the
// check also tries the password without its trailing digits and symbols.
export function isCommonPassword(password: string): boolean {
  const lowered = password.toLowerCase();
  const stem = lowered.replace(/[\d\W_]+$/u, "");
  return list().has(lowered) || (stem.length >= 4 && list().has(stem)) || /^(.)\1+$/u.test(lowered);
}
