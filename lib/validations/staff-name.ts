import { z } from "zod";
import { hasVisibleContent } from "@/lib/validations/visible-text";

// A staff member's display name, as they type it when accepting an
// invitation (or an admin creates the first account). Required means
// something visible: a name of zero-width spaces shows as a blank in the
// audit log and the assignment lists. Messages are English (staff area).
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const StaffNameSchema = z
  .string({ error: "Enter your name." })
  .transform((value) => value.normalize("NFC").trim())
  .pipe(
    z
      .string()
      .refine(hasVisibleContent, "Enter your name.")
      .max(100, "Use at most 100 characters.")
      .refine((value) => !UNSAFE.test(value), "The name contains characters that cannot be stored."),
  );
