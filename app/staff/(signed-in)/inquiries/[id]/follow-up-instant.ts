import "server-only";
import { instantFromWallTime } from "@/lib/triage/clock/instant-from-wall-time";
import { TriageRefusedError } from "@/lib/triage/access/triage-errors";
import { getTriageSettings } from "@/lib/triage/settings/triage-settings";

// The follow-up field's wall-clock time, read in the clinic's time zone.
export async function followUpInstant(value: string | undefined): Promise<Date | null> {
  if (value === undefined) return null;
  const instant = instantFromWallTime(value, (await getTriageSettings()).timeZone);
  if (!instant) throw new TriageRefusedError("Enter a date and time that exists.", "nextFollowUpAt");
  return instant;
}
