import { z } from "zod";
import { WEEKDAYS } from "@/lib/triage/clock/business-hours";

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

function wholeNumber(what: string, min: number, max: number, unit: string) {
  const message = `${what} must be a whole number from ${min} to ${max} ${unit}.`;
  return z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);
}

// The triage settings an admin edits (lib/triage/settings/triage-settings.ts reads them).
export const TriageSettingsSchema = z.object({
  firstContactTargetMinutes: wholeNumber("The first-contact target", 1, 7 * 24 * 60, "minutes"),
  timeZone: z.string().min(1).max(64).refine(isTimeZone, "Not a known time zone (e.g. America/New_York)."),
  businessHours: z.partialRecord(z.enum(WEEKDAYS), span),
  attemptsBeforeDecision: wholeNumber("The number of attempts", 1, 20, "attempts"),
  escalationEmail: z.union([z.literal(""), z.email("Enter a valid email address, or leave it empty.").max(254)]),
  roundRobin: z.boolean(),
  retentionDays: wholeNumber("The retention period", 30, 3650, "days"),
});

export type TriageSettingsValues = z.infer<typeof TriageSettingsSchema>;
