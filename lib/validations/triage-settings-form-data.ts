import { WEEKDAYS } from "@/lib/triage/clock/business-hours";

// The settings form's fields as TriageSettingsSchema expects them: per
// weekday an "open" box and two times (a day left unticked is closed).
export function triageSettingsFromFormData(form: FormData): Record<string, unknown> {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value.trim() : "";
  };
  const businessHours = Object.fromEntries(
    WEEKDAYS.filter((day) => form.get(`${day}-open`) === "on").map((day) => [day, [text(`${day}-from`), text(`${day}-to`)]]),
  );
  return {
    firstContactTargetMinutes: text("firstContactTargetMinutes"),
    timeZone: text("timeZone"),
    businessHours,
    attemptsBeforeDecision: text("attemptsBeforeDecision"),
    escalationEmail: text("escalationEmail"),
    roundRobin: form.get("roundRobin") === "on",
    retentionDays: text("retentionDays"),
  };
}
