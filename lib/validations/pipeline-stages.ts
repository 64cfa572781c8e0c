import { z } from "zod";
import { hasVisibleContent } from "@/lib/validations/visible-text";
import { PIPELINE_STAGES } from "@/lib/triage/pipeline/pipeline-transitions";

const label = z
  .string()
  .transform((value) => value.normalize("NFC").trim())
  .pipe(z.string().refine(hasVisibleContent, "Give every stage a name.").max(64, "Keep stage names under 64 characters."));

// The stages' labels and display order, as an admin edits them. The stages
// themselves and the moves between them are code (pipeline-transitions.ts);
// only what staff read changes here. `order` is any number: the stages are
// sorted by it and renumbered 1, 2, 3…
export const PipelineStagesSchema = z
  .array(z.object({ stage: z.enum(PIPELINE_STAGES), label, order: z.coerce.number().int("Use whole numbers.").min(1).max(99) }))
  .length(PIPELINE_STAGES.length)
  .refine((stages) => new Set(stages.map((s) => s.stage)).size === PIPELINE_STAGES.length, "Every stage once.")
  .refine((stages) => new Set(stages.map((s) => s.label.toLocaleLowerCase("en"))).size === stages.length, "Two stages cannot have the same name.");

export type PipelineStagesInput = z.infer<typeof PipelineStagesSchema>;
