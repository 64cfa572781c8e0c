import "server-only";
import { getDb } from "@/lib/db/client";
import { TriageSettingsSchema, type TriageSettingsValues } from "@/lib/validations/triage-settings";

// The workspace settings (one row, seeded by the migration), validated on the
// way out so a hand-edited row cannot break the response clock.
export async function getTriageSettings(): Promise<TriageSettingsValues> {
  const row = await getDb().triageSettings.findUniqueOrThrow({ where: { id: 1 } });
  return TriageSettingsSchema.parse({
    firstContactTargetMinutes: row.firstContactTargetMinutes,
    timeZone: row.timeZone,
    businessHours: row.businessHours,
    attemptsBeforeDecision: row.attemptsBeforeDecision,
    escalationEmail: row.escalationEmail ?? "",
    roundRobin: row.roundRobin,
    retentionDays: row.retentionDays,
  });
}
