import { disconnectDb, getDb } from "@/lib/db/client";
import { processNewArrivals } from "@/lib/triage/jobs/process-new-arrivals";
import { setAppEnvironment } from "@/__tests__/support/app-environment";
import { onTestDatabaseTeardown, provideTestDatabase } from "@/__tests__/support/test-database";
import { addStaffMember, auditActions, submitTestInquiry, triageFacts } from "@/__tests__/support/triage-detail-fixtures";

provideTestDatabase();
beforeAll(() => setAppEnvironment({ MAIL_SINK_DIR: "/tmp/iop-test-mail-unused" }));
onTestDatabaseTeardown(() => disconnectDb());

// The minute tick's arrival step: flag possible duplicates, assign by
// round-robin when it is on, and carry on from where the last run stopped.
it("flags a repeat inquiry, assigns by language, and processes each arrival once", async () => {
  await getDb().triageSettings.update({ where: { id: 1 }, data: { roundRobin: true } });
  const speaker = await addStaffMember({ name: "Ana", languages: ["es"] });
  const first = await submitTestInquiry({ phone: "+1 415 555 0101", preferredLanguage: "es" });
  const repeat = await submitTestInquiry({ phone: "(415) 555-0101", preferredLanguage: "es" });

  expect(await processNewArrivals()).toEqual({ processed: 2 });
  expect(await triageFacts(repeat.id)).toMatchObject({ assigneeId: speaker.user.id });
  const repeatRow = await getDb().inquiry.findUniqueOrThrow({ where: { id: repeat.id }, select: { duplicateState: true, possibleDuplicateOfId: true } });
  expect(repeatRow).toEqual({ duplicateState: "FLAGGED", possibleDuplicateOfId: first.id });
  expect(await auditActions(repeat.id)).toEqual(expect.arrayContaining(["inquiry.duplicate_flagged", "inquiry.assigned"]));

  expect(await processNewArrivals()).toEqual({ processed: 0 });
  const later = await submitTestInquiry({ preferredLanguage: "en" });
  expect(await processNewArrivals()).toEqual({ processed: 1 });
  expect(await triageFacts(later.id)).toMatchObject({ assigneeId: null });
});

// Bookkeeping is not an audit event: the position lives in JobState, and a
// tick with arrivals adds no SYSTEM row to the trail of who saw what.
it("keeps its position in the job state, not in the audit trail", async () => {
  const systemRowsBefore = await getDb().auditEvent.count({ where: { actorType: "SYSTEM", inquiryId: null } });
  const arrival = await submitTestInquiry({ preferredLanguage: "en" });
  expect(await processNewArrivals()).toEqual({ processed: 1 });
  const state = await getDb().jobState.findUniqueOrThrow({ where: { job: "triage.arrivals" } });
  expect(state.state).toEqual({ createdAt: expect.any(String), id: arrival.id });
  expect(await getDb().auditEvent.count({ where: { actorType: "SYSTEM", inquiryId: null } })).toBe(systemRowsBefore);
});
