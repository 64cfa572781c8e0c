import { disconnectDb, getDb } from "@/lib/db/client";
import { assignInquiry } from "@/lib/triage/pipeline/assign-inquiry";
import { autoAssignInquiry } from "@/lib/triage/pipeline/auto-assign-inquiry";
import { pickRoundRobinAssignee } from "@/lib/triage/pipeline/pick-round-robin-assignee";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { setAppEnvironment } from "@/__tests__/support/app-environment";
import { onTestDatabaseTeardown, provideTestDatabase } from "@/__tests__/support/test-database";
import { addStaffMember, auditActions, submitTestInquiry, triageFacts } from "@/__tests__/support/triage-detail-fixtures";

provideTestDatabase();
beforeAll(() => setAppEnvironment({ MAIL_SINK_DIR: "/tmp/iop-test-mail-unused" }));
onTestDatabaseTeardown(() => disconnectDb());

async function setRoundRobin(on: boolean): Promise<void> {
  await getDb().triageSettings.update({ where: { id: 1 }, data: { roundRobin: on } });
}

describe("manual assignment", () => {
  let casey: TriageActor;
  let robin: TriageActor;

  beforeAll(async () => {
    casey = await addStaffMember({ name: "Casey", ipAddress: "198.51.100.31" });
    robin = await addStaffMember({ name: "Robin" });
  });

  it("assigns to a coordinator, to oneself in one call, and unassigns; each audited with who and from where", async () => {
    const { id } = await submitTestInquiry();
    await assignInquiry({ actor: casey, inquiryId: id, assigneeId: robin.user.id });
    expect(await triageFacts(id)).toMatchObject({ assigneeId: robin.user.id, assignedAt: expect.any(Date) });
    await assignInquiry({ actor: casey, inquiryId: id, assigneeId: casey.user.id });
    expect((await triageFacts(id)).assigneeId).toBe(casey.user.id);
    await assignInquiry({ actor: casey, inquiryId: id, assigneeId: null });
    expect(await triageFacts(id)).toMatchObject({ assigneeId: null, assignedAt: null });

    const rows = await getDb().auditEvent.findMany({ where: { inquiryId: id, action: { startsWith: "inquiry.", not: "inquiry.created" } }, orderBy: { id: "asc" } });
    expect(rows.map((row) => [row.action, row.metadata])).toEqual([
      ["inquiry.assigned", { assigneeId: robin.user.id, self: false, previousAssigneeId: null }],
      ["inquiry.assigned", { assigneeId: casey.user.id, self: true, previousAssigneeId: robin.user.id }],
      ["inquiry.unassigned", { previousAssigneeId: casey.user.id }],
    ]);
    expect(rows.every((row) => row.actorId === casey.user.id && row.ipAddress === "198.51.100.31" && row.actorType === "STAFF")).toBe(true);
  });

  it("writes nothing when the assignment does not change", async () => {
    const { id } = await submitTestInquiry();
    await assignInquiry({ actor: casey, inquiryId: id, assigneeId: casey.user.id });
    const before = await auditActions(id);
    expect(await assignInquiry({ actor: casey, inquiryId: id, assigneeId: casey.user.id })).toEqual({ changed: false });
    expect(await auditActions(id)).toEqual(before);
  });

  it("refuses to give work to a disabled or not yet enrolled account, or an unknown one", async () => {
    const { id } = await submitTestInquiry();
    const disabled = await addStaffMember({ banned: true });
    const unenrolled = await addStaffMember({ enrolled: false });
    for (const assigneeId of [disabled.user.id, unenrolled.user.id, "no-such-user"]) {
      await expect(assignInquiry({ actor: casey, inquiryId: id, assigneeId })).rejects.toMatchObject({ field: "assigneeId" });
    }
    expect((await triageFacts(id)).assigneeId).toBeNull();
  });

  it("a disabled account cannot assign", async () => {
    const { id } = await submitTestInquiry();
    const disabled = await addStaffMember({ banned: true });
    await expect(assignInquiry({ actor: disabled, inquiryId: id, assigneeId: disabled.user.id })).rejects.toThrow(/cannot do this/);
  });

  it("a manual assignment sends the assignee to the back of the round-robin queue", async () => {
    const { id } = await submitTestInquiry();
    await assignInquiry({ actor: casey, inquiryId: id, assigneeId: robin.user.id });
    const profile = await getDb().staffProfile.findUniqueOrThrow({ where: { userId: robin.user.id } });
    expect(profile.lastAssignedAt).not.toBeNull();
  });
});

describe("round-robin by language", () => {
  let spanishA: TriageActor;
  let spanishB: TriageActor;

  beforeAll(async () => {
    await getDb().staffProfile.deleteMany({});
    spanishA = await addStaffMember({ name: "Ana", languages: ["en", "es"] });
    spanishB = await addStaffMember({ name: "Beto", languages: ["es"] });
    await addStaffMember({ name: "English only", languages: ["en"] });
    await addStaffMember({ name: "Admin who speaks Spanish", role: "admin", languages: ["es"] });
    await addStaffMember({ name: "Disabled Spanish speaker", languages: ["es"], banned: true });
    await addStaffMember({ name: "Unenrolled Spanish speaker", languages: ["es"], enrolled: false });
  });

  afterEach(() => setRoundRobin(false));

  it("does nothing while the setting is off", async () => {
    const { id } = await submitTestInquiry({ preferredLanguage: "es" });
    expect(await autoAssignInquiry({ inquiryId: id })).toEqual({ assigneeId: null });
    expect((await triageFacts(id)).assigneeId).toBeNull();
  });

  it("takes turns among active coordinators who speak the language, least recently assigned first", async () => {
    await setRoundRobin(true);
    const assigned: (string | null)[] = [];
    for (let i = 0; i < 4; i += 1) {
      const { id } = await submitTestInquiry({ preferredLanguage: "es" });
      assigned.push((await autoAssignInquiry({ inquiryId: id })).assigneeId);
      expect(await auditActions(id)).toEqual(["inquiry.created", "inquiry.assigned"]);
    }
    const pair = [spanishA.user.id, spanishB.user.id];
    expect(new Set(assigned.slice(0, 2))).toEqual(new Set(pair));
    expect(assigned.slice(2)).toEqual(assigned.slice(0, 2));
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { action: "inquiry.assigned" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorType: "SYSTEM", actorId: null, metadata: { roundRobin: true } });
  });

  it("leaves an inquiry unassigned when no active coordinator speaks its language", async () => {
    await setRoundRobin(true);
    const profiles = await getDb().staffProfile.findMany();
    await getDb().staffProfile.updateMany({ where: { languages: { has: "en" } }, data: { languages: ["es"] } });
    const { id } = await submitTestInquiry({ preferredLanguage: "en" });
    expect(await autoAssignInquiry({ inquiryId: id })).toEqual({ assigneeId: null });
    expect(await auditActions(id)).toEqual(["inquiry.created"]);
    for (const profile of profiles) await getDb().staffProfile.update({ where: { userId: profile.userId }, data: { languages: profile.languages } });
  });

  it("leaves alone an inquiry someone already took", async () => {
    await setRoundRobin(true);
    const { id } = await submitTestInquiry({ preferredLanguage: "es" });
    await assignInquiry({ actor: spanishA, inquiryId: id, assigneeId: spanishA.user.id });
    expect(await autoAssignInquiry({ inquiryId: id })).toEqual({ assigneeId: null });
    expect((await triageFacts(id)).assigneeId).toBe(spanishA.user.id);
  });

  it("two arrivals at the same moment go to two different coordinators", async () => {
    await getDb().staffProfile.updateMany({ data: { lastAssignedAt: null } });
    const db = getDb();
    const picks = await Promise.all(
      [0, 1].map(() =>
        db.$transaction(async (tx) => {
          const userId = await pickRoundRobinAssignee({ tx, language: "es" });
          // Hold the lock a moment, as a real assignment's writes would.
          await tx.$executeRaw`SELECT pg_sleep(0.2)`;
          return userId;
        }),
      ),
    );
    expect(new Set(picks)).toEqual(new Set([spanishA.user.id, spanishB.user.id]));
  });
});
