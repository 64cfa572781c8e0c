import type { Client } from "pg";
import { saveExitReason } from "@/lib/triage/settings/save-exit-reason";
import { saveReferralSource } from "@/lib/triage/settings/save-referral-source";
import { setStaffLanguages } from "@/lib/triage/settings/set-staff-languages";
import { SettingsRefusedError } from "@/lib/triage/settings/settings-refused-error";
import { updatePipelineStages } from "@/lib/triage/settings/update-pipeline-stages";
import { updateTriageSettings } from "@/lib/triage/settings/update-triage-settings";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { getTriageSettings } from "@/lib/triage/settings/triage-settings";
import { StaffNotActiveError } from "@/lib/triage/access/triage-errors";
import { ExitReasonCommandSchema } from "@/lib/validations/exit-reason";
import { PipelineStagesSchema } from "@/lib/validations/pipeline-stages";
import { ReferralSourceCommandSchema, referralSourceCode } from "@/lib/validations/referral-source";
import { StaffLanguagesSchema } from "@/lib/validations/staff-languages";
import { TriageSettingsSchema, type TriageSettingsValues } from "@/lib/validations/triage-settings";
import { createStaffMember } from "@/__tests__/support/triage-admin-fixtures";
import { provideTestDatabaseClient } from "@/__tests__/support/test-database-client";

// Issue 5's configurable workspace: target, time zone, business hours,
// attempts, escalation address, round robin, retention; stage labels and
// order; exit reasons; referral sources; coordinators' languages. Validated,
// admin-only, audited.
const database = provideTestDatabaseClient({ environment: { MAIL_SINK_DIR: "/tmp/iop-settings-test-mail" } });
let sql: Client;
let admin: TriageActor;
let coordinator: TriageActor;

beforeAll(async () => {
  sql = database.sql;
  admin = await createStaffMember(sql, { role: "admin", ip: "198.51.100.66" });
  coordinator = await createStaffMember(sql, { role: "coordinator" });
});

const valid: TriageSettingsValues = {
  firstContactTargetMinutes: 30,
  timeZone: "America/Los_Angeles",
  businessHours: { mon: ["08:00", "18:00"], sat: ["10:00", "14:00"] },
  attemptsBeforeDecision: 4,
  escalationEmail: "on-call@clinic.example",
  roundRobin: true,
  retentionDays: 400,
};

async function auditMetadata(action: string) {
  const { rows } = await sql.query(`SELECT "actorId", "ipAddress", "metadata" FROM "AuditEvent" WHERE "action" = $1 ORDER BY "id"`, [action]);
  return rows as { actorId: string; ipAddress: string; metadata: Record<string, unknown> }[];
}

describe("workspace settings", () => {
  it.each([
    ["an unknown time zone", { timeZone: "Mars/Olympus_Mons" }, "timeZone"],
    ["a time zone abbreviation that is not a zone", { timeZone: "Eastern" }, "timeZone"],
    ["a closing time before the opening time", { businessHours: { mon: ["17:00", "09:00"] } }, "businessHours"],
    ["a time that is not HH:MM", { businessHours: { tue: ["9am", "17:00"] } }, "businessHours"],
    ["an unknown weekday", { businessHours: { funday: ["09:00", "17:00"] } }, "businessHours"],
    ["a zero target", { firstContactTargetMinutes: 0 }, "firstContactTargetMinutes"],
    ["a fractional target", { firstContactTargetMinutes: 7.5 }, "firstContactTargetMinutes"],
    ["no attempts before a decision", { attemptsBeforeDecision: 0 }, "attemptsBeforeDecision"],
    ["a malformed escalation address", { escalationEmail: "on-call" }, "escalationEmail"],
    ["a retention period under 30 days", { retentionDays: 7 }, "retentionDays"],
    ["a retention period over ten years", { retentionDays: 5000 }, "retentionDays"],
  ])("refuses %s", (_name, change, field) => {
    const result = TriageSettingsSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toContain(field);
  });

  it("accepts zones Intl knows, including ones with daylight saving and without", () => {
    for (const timeZone of ["America/New_York", "Europe/Madrid", "America/Phoenix", "Pacific/Honolulu", "UTC"]) {
      expect(TriageSettingsSchema.safeParse({ ...valid, timeZone }).success).toBe(true);
    }
  });

  it("saves, reads back through getTriageSettings and audits only what changed", async () => {
    expect((await updateTriageSettings({ admin, values: valid })).changed.sort()).toEqual(
      ["attemptsBeforeDecision", "businessHours", "escalationEmail", "firstContactTargetMinutes", "retentionDays", "roundRobin", "timeZone"].sort(),
    );
    expect(await getTriageSettings()).toEqual(valid);
    expect((await updateTriageSettings({ admin, values: valid })).changed).toEqual([]);
    expect(await updateTriageSettings({ admin, values: { ...valid, escalationEmail: "" } })).toEqual({ changed: ["escalationEmail"] });
    expect((await getTriageSettings()).escalationEmail).toBe("");
    const events = await auditMetadata("triage.settings.updated");
    expect(events).toHaveLength(2);
    expect(events[1]).toEqual({ actorId: admin.user.id, ipAddress: "198.51.100.66", metadata: { from: { escalationEmail: "on-call@clinic.example" }, to: { escalationEmail: null } } });
  });

  it("is for admins only", async () => {
    await expect(updateTriageSettings({ admin: coordinator, values: valid })).rejects.toBeInstanceOf(StaffNotActiveError);
  });
});

describe("pipeline stages", () => {
  const stages = async () => (await sql.query(`SELECT "stage", "label", "position" FROM "PipelineStage" ORDER BY "position"`)).rows;

  it("renames and reorders, renumbering 1…n", async () => {
    const current = await stages();
    const input = PipelineStagesSchema.parse(
      current.map((row) => ({ stage: row.stage, label: row.stage === "REACHED" ? "  Spoke with them " : row.label, order: row.stage === "WITHDREW" ? "5" : String(row.position * 10) })),
    );
    await updatePipelineStages({ admin, stages: input });
    const after = await stages();
    expect(after.map((row) => row.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(after[0]).toEqual({ stage: "WITHDREW", label: "Withdrew", position: 1 });
    expect(after.find((row) => row.stage === "REACHED")?.label).toBe("Spoke with them");
    expect(await auditMetadata("triage.stages.updated")).toHaveLength(1);
  });

  it("refuses an empty name, two stages with the same name, or a missing stage", async () => {
    const rows = (await stages()).map((row) => ({ stage: row.stage, label: row.label, order: row.position }));
    expect(PipelineStagesSchema.safeParse(rows.map((row, i) => (i === 0 ? { ...row, label: "   " } : row))).success).toBe(false);
    expect(PipelineStagesSchema.safeParse(rows.map((row, i) => (i === 1 ? { ...row, label: rows[0]?.label.toUpperCase() } : row))).success).toBe(false);
    expect(PipelineStagesSchema.safeParse(rows.slice(1)).success).toBe(false);
  });
});

describe("exit reasons", () => {
  it("adds at the end of its outcome, renames, retires and brings back, each audited", async () => {
    await saveExitReason({ admin, command: ExitReasonCommandSchema.parse({ command: "add", stage: "NOT_A_FIT", label: "Needs detox first" }) });
    const { rows } = await sql.query(`SELECT "id", "position", "active" FROM "ExitReason" WHERE "label" = 'Needs detox first'`);
    expect(rows[0]).toMatchObject({ position: 4, active: true });
    const id = rows[0].id as string;
    await saveExitReason({ admin, command: ExitReasonCommandSchema.parse({ command: "rename", id, label: "Needs withdrawal management first" }) });
    await saveExitReason({ admin, command: ExitReasonCommandSchema.parse({ command: "deactivate", id }) });
    const after = await sql.query(`SELECT "label", "active" FROM "ExitReason" WHERE "id" = $1`, [id]);
    expect(after.rows[0]).toEqual({ label: "Needs withdrawal management first", active: false });
    expect((await auditMetadata("triage.exit_reason.saved")).map((event) => event.metadata.command)).toEqual(["add", "rename", "deactivate"]);
  });

  it("refuses a duplicate name within an outcome, an outcome that is not an exit, and an empty name", async () => {
    await expect(saveExitReason({ admin, command: { command: "add", stage: "NOT_A_FIT", label: "insurance NOT accepted" } })).rejects.toBeInstanceOf(SettingsRefusedError);
    expect(ExitReasonCommandSchema.safeParse({ command: "add", stage: "ADMITTED", label: "x" }).success).toBe(false);
    expect(ExitReasonCommandSchema.safeParse({ command: "add", stage: "WITHDREW", label: " " }).success).toBe(false);
  });
});

describe("referral sources", () => {
  it("adds with a code made from the name, renames, retires; codes never change", async () => {
    expect(referralSourceCode("Drug court (county) — Señal")).toBe("DRUG_COURT_COUNTY_SENAL");
    const { code } = await saveReferralSource({ admin, command: ReferralSourceCommandSchema.parse({ command: "add", label: "Drug court (county)" }) });
    expect(code).toBe("DRUG_COURT_COUNTY");
    await saveReferralSource({ admin, command: { command: "rename", code, label: "County drug court" } });
    await saveReferralSource({ admin, command: { command: "deactivate", code: "SOCIAL_MEDIA" } });
    const { rows } = await sql.query(`SELECT "code", "label", "active", "position" FROM "ReferralSource" WHERE "code" IN ($1, 'SOCIAL_MEDIA') ORDER BY "code"`, [code]);
    expect(rows).toEqual([
      { code: "DRUG_COURT_COUNTY", label: "County drug court", active: true, position: 10 },
      { code: "SOCIAL_MEDIA", label: "Social media", active: false, position: 8 },
    ]);
    await expect(saveReferralSource({ admin, command: { command: "add", label: "Web search" } })).rejects.toBeInstanceOf(SettingsRefusedError);
    await expect(saveReferralSource({ admin, command: { command: "add", label: "County Drug Court" } })).rejects.toBeInstanceOf(SettingsRefusedError);
    expect((await auditMetadata("triage.referral_source.saved")).map((event) => event.metadata.command)).toEqual(["add", "rename", "deactivate"]);
  });
});

describe("coordinators' languages", () => {
  it("stores the languages spoken, only known ones, and audits the change", async () => {
    expect(StaffLanguagesSchema.safeParse({ userId: coordinator.user.id, languages: ["fr"] }).success).toBe(false);
    await setStaffLanguages({ admin, input: StaffLanguagesSchema.parse({ userId: coordinator.user.id, languages: ["es", "en"] }) });
    await setStaffLanguages({ admin, input: { userId: coordinator.user.id, languages: ["en", "es"] } });
    const { rows } = await sql.query(`SELECT "languages" FROM "StaffProfile" WHERE "userId" = $1`, [coordinator.user.id]);
    expect(rows[0]).toEqual({ languages: ["en", "es"] });
    expect(await auditMetadata("staff.languages.updated")).toEqual([
      { actorId: admin.user.id, ipAddress: "198.51.100.66", metadata: { subjectUserId: coordinator.user.id, from: [], to: ["en", "es"] } },
    ]);
    await expect(setStaffLanguages({ admin: coordinator, input: { userId: coordinator.user.id, languages: [] } })).rejects.toBeInstanceOf(StaffNotActiveError);
  });
});
