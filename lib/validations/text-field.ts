import { z } from "zod";
import { hasVisibleContent } from "@/lib/validations/visible-text";

// C0/C1 control characters (tab and newline are allowed only where a field is
// multi-line) and Unicode bidirectional overrides, which can make a stored value
// display differently from what it contains ("Trojan Source"-style spoofing).
const CONTROL_OR_BIDI = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const NEWLINE_OR_TAB = /[\t\n\r\u2028\u2029]/;
// A lone UTF-16 surrogate cannot be stored as UTF-8: it would silently become
// U+FFFD, so what we keep would differ from what we acknowledged. Refuse it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function requiredText(options: { max: number; code: string }) {
  return z
    .string({ error: `${options.code}.required` })
    .transform((v) => v.normalize("NFC").trim())
    .pipe(
      z
        .string()
        .refine(hasVisibleContent, `${options.code}.required`)
        .max(options.max, `${options.code}.tooLong`)
        .refine((v) => !CONTROL_OR_BIDI.test(v) && !NEWLINE_OR_TAB.test(v) && !LONE_SURROGATE.test(v), "text.invalidCharacters"),
    );
}

// Optional text: an untouched form field arrives as "", which means "not
// given"; so does one that shows nothing (only invisible characters), so a
// field that is required in some cases (referrerName) is caught as missing.
export function optionalText(options: { max: number; code: string; multiline?: boolean }) {
  return z
    .string({ error: `${options.code}.invalid` })
    .optional()
    .transform((v) => (v === undefined ? "" : v.normalize("NFC").trim()))
    .pipe(
      z
        .string()
        .max(options.max, `${options.code}.tooLong`)
        .refine((v) => !CONTROL_OR_BIDI.test(v) && !LONE_SURROGATE.test(v), "text.invalidCharacters")
        .refine((v) => options.multiline === true || !NEWLINE_OR_TAB.test(v), "text.invalidCharacters")
        .transform((v) => (hasVisibleContent(v) ? v : undefined)),
    );
}
