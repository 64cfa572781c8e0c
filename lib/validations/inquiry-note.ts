import { z } from "zod";
import { hasVisibleContent } from "@/lib/validations/visible-text";

export const NOTE_MAX = 4000;

// C0/C1 controls other than tab and newlines, bidirectional overrides, and
// lone surrogates: the same refusals as the public form's free text
// (lib/validations/text-field.ts), for the same reasons.
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// A coordinator's note. Messages are English: the staff area is.
export const InquiryNoteBodySchema = z
  .string({ error: "Write the note first." })
  .transform((value) => value.normalize("NFC").trim())
  .pipe(
    z
      .string()
      .refine(hasVisibleContent, "Write the note first.")
      .max(NOTE_MAX, `Keep a note under ${NOTE_MAX} characters.`)
      .refine((value) => !UNSAFE.test(value), "The note contains characters that cannot be stored."),
  );
