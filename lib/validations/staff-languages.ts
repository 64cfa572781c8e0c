import { z } from "zod";
import { LANGUAGES } from "@/lib/validations/inquiry-options";

// The languages a coordinator speaks, for round-robin assignment (an inquiry
// goes only to someone who speaks its preferred language).
export const StaffLanguagesSchema = z.object({
  userId: z.string("Unknown staff member.").regex(/^[A-Za-z0-9_-]{1,64}$/, "Unknown staff member."),
  languages: z.array(z.enum(LANGUAGES, "Choose from the languages listed."), "Choose from the languages listed.").transform((languages) => LANGUAGES.filter((language) => languages.includes(language))),
});

export type StaffLanguagesInput = z.infer<typeof StaffLanguagesSchema>;
