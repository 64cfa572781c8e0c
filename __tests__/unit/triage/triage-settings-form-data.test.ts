import { TriageSettingsSchema } from "@/lib/validations/triage-settings";
import { triageSettingsFromFormData } from "@/lib/validations/triage-settings-form-data";

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe("the settings form's fields", () => {
  it("become the settings: ticked days open with their times, unticked days closed", () => {
    const raw = triageSettingsFromFormData(
      form([
        ["firstContactTargetMinutes", " 20 "],
        ["timeZone", "Europe/Madrid"],
        ["mon-open", "on"],
        ["mon-from", "08:00"],
        ["mon-to", "16:30"],
        ["tue-from", "09:00"],
        ["tue-to", "17:00"],
        ["sat-open", "on"],
        ["sat-from", "10:00"],
        ["sat-to", "13:00"],
        ["attemptsBeforeDecision", "3"],
        ["escalationEmail", ""],
        ["retentionDays", "365"],
      ]),
    );
    expect(TriageSettingsSchema.parse(raw)).toEqual({
      firstContactTargetMinutes: 20,
      timeZone: "Europe/Madrid",
      businessHours: { mon: ["08:00", "16:30"], sat: ["10:00", "13:00"] },
      attemptsBeforeDecision: 3,
      escalationEmail: "",
      roundRobin: false,
      retentionDays: 365,
    });
  });

  it("report a ticked day without times as that day's error", () => {
    const result = TriageSettingsSchema.safeParse(
      triageSettingsFromFormData(form([["firstContactTargetMinutes", "15"], ["timeZone", "UTC"], ["wed-open", "on"], ["attemptsBeforeDecision", "3"], ["retentionDays", "365"], ["roundRobin", "on"]])),
    );
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.slice(0, 2).join("."))).toContain("businessHours.wed");
  });
});
