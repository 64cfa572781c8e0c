import { z } from "zod";
import { WEEKDAYS } from "@/lib/triage/business-hours";

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM, 24-hour.");
const span = z
  .tuple([time, time])
  .refine(([open, close]) => open < close, "Closing time must be after opening time.");

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

// The triage settings an admin edits (lib/triage/triage-settings.ts reads them).
export const TriageSettingsSchema = z.object({
  firstContactTargetMinutes: z.coerce.number().int().min(1).max(7 * 24 * 60),
  timeZone: z.string().min(1).max(64).refine(isTimeZone, "Not a known time zone (e.g. America/New_York)."),
  businessHours: z.partialRecord(z.enum(WEEKDAYS), span),
  attemptsBeforeDecision: z.coerce.number().int().min(1).max(20),
  escalationEmail: z.union([z.literal(""), z.email().max(254)]),
  roundRobin: z.boolean(),
  retentionDays: z.coerce.number().int().min(30).max(3650),
});

export type TriageSettingsValues = z.infer<typeof TriageSettingsSchema>;
