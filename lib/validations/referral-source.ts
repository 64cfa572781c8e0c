import { z } from "zod";
import { visibleLength } from "@/lib/validations/visible-text";

const label = z
  .string()
  .transform((value) => value.normalize("NFC").trim())
  .pipe(z.string().refine((v) => visibleLength(v) >= 2, "Write the source's name.").max(100, "Keep it under 100 characters."));

// A referral source an admin adds, renames, retires or brings back. The code
// is permanent (inquiries and reports refer to it); the form's own answers
// are the seeded codes, and a new source gets a code made from its name.
export const ReferralSourceCommandSchema = z.discriminatedUnion("command", [
  z.object({ command: z.literal("add"), label }),
  z.object({ command: z.literal("rename"), code: z.string().regex(/^[A-Z0-9_]{1,32}$/), label }),
  z.object({ command: z.enum(["deactivate", "activate"]), code: z.string().regex(/^[A-Z0-9_]{1,32}$/) }),
]);

export type ReferralSourceCommand = z.infer<typeof ReferralSourceCommandSchema>;

// "Drug court (county)" → "DRUG_COURT_COUNTY".
export function referralSourceCode(label: string): string {
  return label
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 32)
    .replace(/_+$/, "");
}
