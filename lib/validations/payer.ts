import { z } from "zod";
import { OTHER_PAYER, PAYER_CODE } from "@/lib/validations/insurance-options";
import { visibleLength } from "@/lib/validations/visible-text";

const label = z
  .string()
  .transform((value) => value.normalize("NFC").trim())
  .pipe(
    z
      .string()
      .refine((v) => visibleLength(v) >= 2, "Write the payer's name.")
      .max(100, "Keep it under 100 characters.")
      .refine((v) => !/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/.test(v), "Remove special or invisible characters."),
  );
const code = z.string().regex(PAYER_CODE, "Unknown payer.");

// A payer an admin adds, renames, retires, brings back or moves in the list.
// The code is permanent (coverages refer to it); a new payer's code is made
// from its name.
export const PayerCommandSchema = z.discriminatedUnion("command", [
  z.object({ command: z.literal("add"), label }),
  z.object({ command: z.literal("rename"), code, label }),
  z.object({ command: z.enum(["deactivate", "activate", "up", "down"]), code }),
]);

export type PayerCommand = z.infer<typeof PayerCommandSchema>;

// "Blue Shield of California" → "BLUE_SHIELD_OF_CALIFORNIA". Never "OTHER",
// which the form reserves for a payer not listed.
export function payerCode(label: string): string {
  const made = label
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40)
    .replace(/_+$/, "");
  return made === OTHER_PAYER ? "OTHER_PAYER" : made;
}
