import { disconnectDb, getDb } from "@/lib/db/client";
import type { InquiryStatus } from "@/lib/db/generated/enums";
import { changeInquiryStage } from "@/lib/triage/pipeline/change-inquiry-stage";
import { TriageRefusedError } from "@/lib/triage/access/triage-errors";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { setAppEnvironment } from "@/__tests__/support/app-environment";
import { onTestDatabaseTeardown, provideTestDatabase } from "@/__tests__/support/test-database";
import { addStaffMember, auditActions, exitReasonFor, submitTestInquiry, triageFacts } from "@/__tests__/support/triage-detail-fixtures";

provideTestDatabase();
beforeAll(() => setAppEnvironment({ MAIL_SINK_DIR: "/tmp/iop-test-mail-unused" }));
onTestDatabaseTeardown(() => disconnectDb());

const STAGES: InquiryStatus[] = ["NEW", "CONTACT_ATTEMPTED", "REACHED", "SCREENING_SCHEDULED", "ADMITTED", "REFERRED_ELSEWHERE", "NOT_A_FIT", "UNREACHABLE", "WITHDREW"];
const EXITS = ["REFERRED_ELSEWHERE", "NOT_A_FIT", "UNREACHABLE", "WITHDREW"] as const;
const isExit = (stage: InquiryStatus): stage is (typeof EXITS)[number] => (EXITS as readonly string[]).includes(stage);

// The rules, written out independently of lib/triage/pipeline/pipeline-transitions.ts:
// every (from, to) pair a coordinator may make. Everything else is refused.
const COORDINATOR_ALLOWED: Record<InquiryStatus, InquiryStatus[]> = {
  NEW: ["REACHED", "SCREENING_SCHEDULED", ...EXITS],
  CONTACT_ATTEMPTED: ["REACHED", "SCREENING_SCHEDULED", ...EXITS],
  REACHED: ["SCREENING_SCHEDULED", ...EXITS],
  SCREENING_SCHEDULED: ["REACHED", "ADMITTED", ...EXITS],
  ADMITTED: [],
  REFERRED_ELSEWHERE: ["CONTACT_ATTEMPTED", "REACHED"],
  NOT_A_FIT: ["CONTACT_ATTEMPTED", "REACHED"],
  UNREACHABLE: ["CONTACT_ATTEMPTED", "REACHED"],
  WITHDREW: ["CONTACT_ATTEMPTED", "REACHED"],
};

let coordinator: TriageActor;
let admin: TriageActor;
let inquiryId: string;
const reasons = new Map<InquiryStatus, string>();

beforeAll(async () => {
  coordinator = await addStaffMember({ name: "Casey" });
  admin = await addStaffMember({ name: "Ada", role: "admin" });
  inquiryId = (await submitTestInquiry()).id;
  for (const exit of EXITS) reasons.set(exit, await exitReasonFor(exit));
});

async function placeAt(stage: InquiryStatus): Promise<void> {
  const closed = stage === "ADMITTED" || isExit(stage);
  await getDb().inquiry.update({
    where: { id: inquiryId },
    data: { status: stage, closedAt: closed ? new Date() : null, exitReasonId: isExit(stage) ? reasons.get(stage) : null, duplicateState: "NONE" },
  });
}

const pairs = STAGES.flatMap((from) => STAGES.map((to) => [from, to] as const));

it.each(pairs)("coordinator: %s → %s follows the rules, and only an allowed move is written and audited", async (from, to) => {
  await placeAt(from);
  const before = (await auditActions(inquiryId)).length;
  const attempt = changeInquiryStage({ actor: coordinator, inquiryId, to, exitReasonId: isExit(to) ? reasons.get(to) : undefined });
  if (COORDINATOR_ALLOWED[from].includes(to)) {
    await attempt;
    const facts = await triageFacts(inquiryId);
    expect(facts.status).toBe(to);
    expect((await auditActions(inquiryId)).slice(before)).toEqual(["inquiry.stage_changed"]);
  } else {
    await expect(attempt).rejects.toBeInstanceOf(TriageRefusedError);
    expect((await triageFacts(inquiryId)).status).toBe(from);
    expect((await auditActions(inquiryId)).length).toBe(before);
  }
});

it("only an administrator can correct an admission, and only back to Screening scheduled", async () => {
  await placeAt("ADMITTED");
  await expect(changeInquiryStage({ actor: admin, inquiryId, to: "REACHED" })).rejects.toThrow(/Admitted is final/);
  await changeInquiryStage({ actor: admin, inquiryId, to: "SCREENING_SCHEDULED" });
  const facts = await triageFacts(inquiryId);
  expect(facts).toMatchObject({ status: "SCREENING_SCHEDULED", closedAt: null, exitReasonId: null });
});

it("an exit needs a reason of that very exit, and active", async () => {
  await placeAt("REACHED");
  await expect(changeInquiryStage({ actor: coordinator, inquiryId, to: "NOT_A_FIT" })).rejects.toMatchObject({ field: "exitReasonId" });
  await expect(changeInquiryStage({ actor: coordinator, inquiryId, to: "NOT_A_FIT", exitReasonId: reasons.get("WITHDREW") })).rejects.toMatchObject({ field: "exitReasonId" });
  await expect(changeInquiryStage({ actor: coordinator, inquiryId, to: "NOT_A_FIT", exitReasonId: "not-a-uuid" })).rejects.toMatchObject({ field: "exitReasonId" });
  const retired = await getDb().exitReason.create({ data: { stage: "NOT_A_FIT", label: "Retired reason", active: false } });
  await expect(changeInquiryStage({ actor: coordinator, inquiryId, to: "NOT_A_FIT", exitReasonId: retired.id })).rejects.toMatchObject({ field: "exitReasonId" });
  expect((await triageFacts(inquiryId)).status).toBe("REACHED");
});

it("closing sets closedAt, the exit reason and stageChangedAt, clears the follow-up; reopening clears them and restarts the count", async () => {
  await placeAt("CONTACT_ATTEMPTED");
  await getDb().inquiry.update({ where: { id: inquiryId }, data: { unsuccessfulAttempts: 4, nextFollowUpAt: new Date(Date.now() + 3_600_000) } });
  const before = new Date();
  await changeInquiryStage({ actor: coordinator, inquiryId, to: "UNREACHABLE", exitReasonId: reasons.get("UNREACHABLE") });
  const closed = await triageFacts(inquiryId);
  expect(closed.closedAt?.getTime()).toBeGreaterThanOrEqual(before.getTime() - 5);
  expect(closed.stageChangedAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 5);
  expect(closed).toMatchObject({ status: "UNREACHABLE", exitReasonId: reasons.get("UNREACHABLE"), nextFollowUpAt: null, unsuccessfulAttempts: 4 });

  await changeInquiryStage({ actor: coordinator, inquiryId, to: "CONTACT_ATTEMPTED" });
  expect(await triageFacts(inquiryId)).toMatchObject({ status: "CONTACT_ATTEMPTED", closedAt: null, exitReasonId: null, unsuccessfulAttempts: 0 });
  const audit = await getDb().auditEvent.findFirstOrThrow({ where: { inquiryId, action: "inquiry.stage_changed" }, orderBy: { id: "desc" } });
  expect(audit).toMatchObject({ actorType: "STAFF", actorId: coordinator.user.id, ipAddress: "198.51.100.20", metadata: { from: "UNREACHABLE", to: "CONTACT_ATTEMPTED", kind: "reopen" } });
});

it("admission closes the inquiry; reaching the person outside an attempt counts as first contact", async () => {
  await placeAt("NEW");
  await getDb().inquiry.update({ where: { id: inquiryId }, data: { firstContactAt: null } });
  await changeInquiryStage({ actor: coordinator, inquiryId, to: "REACHED" });
  const reached = await triageFacts(inquiryId);
  expect(reached.firstContactAt).not.toBeNull();
  await changeInquiryStage({ actor: coordinator, inquiryId, to: "SCREENING_SCHEDULED" });
  await changeInquiryStage({ actor: coordinator, inquiryId, to: "ADMITTED" });
  const admitted = await triageFacts(inquiryId);
  expect(admitted.closedAt).not.toBeNull();
  expect(admitted.firstContactAt).toEqual(reached.firstContactAt);
});

it("refuses a click made on a stage someone else has just changed", async () => {
  await placeAt("REACHED");
  await expect(changeInquiryStage({ actor: coordinator, inquiryId, to: "SCREENING_SCHEDULED", expectedStage: "NEW" })).rejects.toThrow(/Someone else/);
  expect((await triageFacts(inquiryId)).status).toBe("REACHED");
});

it("a confirmed duplicate takes no stage change; a disabled account changes nothing", async () => {
  await placeAt("NEW");
  await getDb().inquiry.update({ where: { id: inquiryId }, data: { duplicateState: "CONFIRMED" } });
  await expect(changeInquiryStage({ actor: coordinator, inquiryId, to: "REACHED" })).rejects.toThrow(/duplicate/);
  await placeAt("NEW");
  const disabled = await addStaffMember({ banned: true });
  const before = (await auditActions(inquiryId)).length;
  await expect(changeInquiryStage({ actor: disabled, inquiryId, to: "REACHED" })).rejects.toThrow(/cannot do this/);
  expect((await auditActions(inquiryId)).length).toBe(before);
});
