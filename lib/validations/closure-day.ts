import { z } from "zod";
import { visibleLength } from "@/lib/validations/visible-text";

// A calendar date as the form sends it ("2026-12-24"), and a real one: no
// 31 February.
export const closureDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date as YYYY-MM-DD.")
  .refine((value) => {
    const [year = 0, month = 0, day = 0] = value.split("-").map(Number);
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }, "That date does not exist.");

const label = z
  .string()
  .transform((value) => value.normalize("NFC").trim())
  .pipe(z.string().max(80, "Keep the label under 80 characters.").refine((v) => v === "" || visibleLength(v) >= 2, "Write a label of at least two characters, or none."));

// Admins add a closure day (with an optional label such as "Staff training"),
// add several public holidays at once, or remove one.
export const ClosureCommandSchema = z.discriminatedUnion("command", [
  z.object({ command: z.literal("add"), date: closureDate, label: label.optional().default("") }),
  z.object({ command: z.literal("remove"), date: closureDate }),
]);
export type ClosureCommand = z.infer<typeof ClosureCommandSchema>;

export const HolidayChoiceSchema = z.object({
  country: z.string().regex(/^[A-Z]{2}$/, "Choose a country."),
  state: z.union([z.literal(""), z.string().regex(/^[A-Z0-9]{1,4}$/, "Choose a state or region.")]).default(""),
});

export const AddHolidaysSchema = HolidayChoiceSchema.extend({
  dates: z.array(closureDate).min(1, "Choose at least one holiday.").max(60),
});
