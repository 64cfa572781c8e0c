import { z } from "zod";
import { hasVisibleContent } from "@/lib/validations/visible-text";
import { EXIT_STAGES } from "@/lib/triage/pipeline/pipeline-transitions";

const label = z
  .string()
  .transform((value) => value.normalize("NFC").trim())
  .pipe(z.string().refine(hasVisibleContent, "Write the reason.").max(100, "Keep it under 100 characters."));

// An exit reason an admin adds, renames, retires or brings back. Retired
// reasons stay on the inquiries that used them; they are only no longer
// offered. Reasons are never deleted, so reports keep their meaning.
export const ExitReasonCommandSchema = z.discriminatedUnion("command", [
  z.object({ command: z.literal("add"), stage: z.enum(EXIT_STAGES), label }),
  z.object({ command: z.literal("rename"), id: z.uuid(), label }),
  z.object({ command: z.enum(["deactivate", "activate"]), id: z.uuid() }),
]);

export type ExitReasonCommand = z.infer<typeof ExitReasonCommandSchema>;
