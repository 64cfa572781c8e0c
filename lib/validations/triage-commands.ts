import { z } from "zod";
import { CONTACT_ATTEMPT_OPTIONS } from "@/lib/triage/pipeline/contact-attempt-options";
import { isExitStage, PIPELINE_STAGES } from "@/lib/triage/pipeline/pipeline-transitions";
import { InquiryNoteBodySchema } from "@/lib/validations/inquiry-note";

// The inquiry detail page's forms, as the server actions read them. Empty
// fields arrive as "" (or not at all) and mean "not given".
const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const inquiryId = z.uuid("Unknown inquiry.");
const stage = z.enum(PIPELINE_STAGES, { error: "Choose a stage." });
const wallTime = optional(z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Enter a date and time."));

export const StageChangeSchema = z.object({
  inquiryId,
  to: stage,
  expectedStage: optional(stage),
  exitReasonId: optional(z.uuid("Choose a reason.")),
});

// Closing picks outcome and reason in one choice: "EXIT_STAGE:reasonId".
const exit = z.string().transform((value, ctx) => {
  const [to = "", exitReasonId = "", ...rest] = value.split(":");
  const stageParsed = stage.safeParse(to);
  const reasonParsed = z.uuid().safeParse(exitReasonId);
  if (rest.length === 0 && stageParsed.success && isExitStage(stageParsed.data) && reasonParsed.success) {
    return { to: stageParsed.data, exitReasonId: reasonParsed.data };
  }
  ctx.addIssue({ code: "custom", message: "Choose an outcome and its reason." });
  return z.NEVER;
});

export const CloseInquirySchema = z.object({ inquiryId, expectedStage: optional(stage), exit });

// "me" is the one-click "assign to me"; "" unassigns.
export const AssignmentSchema = z.object({
  inquiryId,
  assigneeId: z.preprocess((value) => value ?? "", z.string().max(64, "Choose a person.")),
});

// One button per outcome, its value "CHANNEL:OUTCOME".
const attempt = z.string().transform((value, ctx) => {
  const option = CONTACT_ATTEMPT_OPTIONS.find((candidate) => `${candidate.channel}:${candidate.outcome}` === value);
  if (option) return { channel: option.channel, outcome: option.outcome };
  ctx.addIssue({ code: "custom", message: "Choose what happened." });
  return z.NEVER;
});

export const ContactAttemptSchema = z.object({ inquiryId, attempt, nextFollowUpAt: wallTime });

export const ContinueAttemptsSchema = z.object({ inquiryId, nextFollowUpAt: wallTime });

export const AddNoteSchema = z.object({ inquiryId, body: InquiryNoteBodySchema });
export const EditNoteSchema = z.object({ inquiryId, noteId: z.uuid("Unknown note."), body: InquiryNoteBodySchema });

export const DuplicateDecisionSchema = z.discriminatedUnion("decision", [
  z.object({ inquiryId, decision: z.literal("confirm"), originalId: z.uuid("Choose the original inquiry.") }),
  z.object({ inquiryId, decision: z.literal("dismiss") }),
]);
