import { disconnectDb, getDb } from "@/lib/db/client";
import { changeInquiryStage } from "@/lib/triage/pipeline/change-inquiry-stage";
import { findPossibleDuplicates } from "@/lib/triage/duplicates/find-possible-duplicates";
import { flagPossibleDuplicate } from "@/lib/triage/duplicates/flag-possible-duplicate";
import { logContactAttempt } from "@/lib/triage/pipeline/log-contact-attempt";
import { resolveDuplicate } from "@/lib/triage/duplicates/resolve-duplicate";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { setAppEnvironment } from "@/__tests__/support/app-environment";
import { onTestDatabaseTeardown, provideTestDatabase } from "@/__tests__/support/test-database";
import { addStaffMember, auditActions, submitTestInquiry, triageFacts } from "@/__tests__/support/triage-detail-fixtures";

provideTestDatabase();
let casey: TriageActor;
beforeAll(async () => {
  setAppEnvironment({ MAIL_SINK_DIR: "/tmp/iop-test-mail-unused" });
  casey = await addStaffMember({ name: "Casey" });
});
onTestDatabaseTeardown(() => disconnectDb());

let phoneCounter = 100;
// A distinct phone and email per scenario, so scenarios do not match each other.
function contact() {
  phoneCounter += 1;
  return { phone: `(212) 555-0${phoneCounter}`, email: `person${phoneCounter}@example.org` };
}

const candidatesOf = (inquiryId: string) => getDb().$transaction((tx) => findPossibleDuplicates({ tx, inquiryId }));
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

it("matches on the phone or the email hash, never on anything else", async () => {
  const person = contact();
  const first = await submitTestInquiry(person);
  const samePhone = await submitTestInquiry({ phone: person.phone, email: "someone.else@example.org" });
  const sameEmail = await submitTestInquiry({ phone: "(646) 555-0199", email: person.email.toUpperCase() });
  const stranger = await submitTestInquiry(contact());
  const found = await candidatesOf(first.id);
  expect(found.map((candidate) => [candidate.id, candidate.samePhone, candidate.sameEmail])).toEqual([
    [sameEmail.id, false, true],
    [samePhone.id, true, false],
  ]);
  expect(await candidatesOf(stranger.id)).toEqual([]);
});

it("counts open inquiries of any age, closed ones only if received or closed in the last 90 days", async () => {
  const person = contact();
  const oldOpen = await submitTestInquiry(person);
  const oldClosed = await submitTestInquiry(person);
  const recentlyClosed = await submitTestInquiry(person);
  await getDb().inquiry.update({ where: { id: oldOpen.id }, data: { createdAt: daysAgo(400) } });
  await getDb().inquiry.update({ where: { id: oldClosed.id }, data: { createdAt: daysAgo(400), closedAt: daysAgo(91), status: "WITHDREW" } });
  await getDb().inquiry.update({ where: { id: recentlyClosed.id }, data: { createdAt: daysAgo(200), closedAt: daysAgo(10), status: "NOT_A_FIT" } });
  const fresh = await submitTestInquiry(person);
  expect((await candidatesOf(fresh.id)).map((candidate) => candidate.id).sort()).toEqual([oldOpen.id, recentlyClosed.id].sort());
});

it("flags a new inquiry against the most recent earlier one, once, audited as the system", async () => {
  const person = contact();
  const older = await submitTestInquiry(person);
  const earlier = await submitTestInquiry(person);
  const fresh = await submitTestInquiry(person);
  expect(await flagPossibleDuplicate({ inquiryId: older.id })).toEqual({ possibleDuplicateOfId: null });
  expect(await flagPossibleDuplicate({ inquiryId: fresh.id })).toEqual({ possibleDuplicateOfId: earlier.id });
  expect(await triageFacts(fresh.id)).toMatchObject({ duplicateState: "FLAGGED", possibleDuplicateOfId: earlier.id, status: "NEW", closedAt: null });
  expect(await flagPossibleDuplicate({ inquiryId: fresh.id })).toEqual({ possibleDuplicateOfId: null });
  const audit = await getDb().auditEvent.findMany({ where: { inquiryId: fresh.id, action: "inquiry.duplicate_flagged" } });
  expect(audit).toEqual([expect.objectContaining({ actorType: "SYSTEM", actorId: null, metadata: { possibleDuplicateOfId: earlier.id } })]);
});

it("confirming links and closes the duplicate, audited on both inquiries; nothing more happens on it", async () => {
  const person = contact();
  const original = await submitTestInquiry(person);
  const duplicate = await submitTestInquiry(person);
  await flagPossibleDuplicate({ inquiryId: duplicate.id });
  await resolveDuplicate({ actor: casey, inquiryId: duplicate.id, decision: "confirm", originalId: original.id });

  const facts = await triageFacts(duplicate.id);
  expect(facts).toMatchObject({ duplicateState: "CONFIRMED", possibleDuplicateOfId: original.id, status: "NEW", nextFollowUpAt: null });
  expect(facts.closedAt).not.toBeNull();
  expect((await auditActions(duplicate.id)).at(-1)).toBe("inquiry.duplicate_confirmed");
  expect((await auditActions(original.id)).at(-1)).toBe("inquiry.duplicate_linked");
  // The original is untouched otherwise: nothing was merged into it.
  expect(await triageFacts(original.id)).toMatchObject({ duplicateState: "NONE", status: "NEW", closedAt: null });

  await expect(changeInquiryStage({ actor: casey, inquiryId: duplicate.id, to: "REACHED" })).rejects.toThrow(/duplicate/);
  await expect(logContactAttempt({ actor: casey, inquiryId: duplicate.id, channel: "CALL", outcome: "NO_ANSWER", nextFollowUpAt: null })).rejects.toThrow(/closed/);
  await expect(resolveDuplicate({ actor: casey, inquiryId: duplicate.id, decision: "dismiss" })).rejects.toThrow(/already closed as a duplicate/);
});

it("refuses to link to an inquiry that does not match, to itself, or to a confirmed duplicate", async () => {
  const person = contact();
  const original = await submitTestInquiry(person);
  const confirmed = await submitTestInquiry(person);
  const fresh = await submitTestInquiry(person);
  const stranger = await submitTestInquiry(contact());
  await resolveDuplicate({ actor: casey, inquiryId: confirmed.id, decision: "confirm", originalId: original.id });
  for (const originalId of [stranger.id, fresh.id, confirmed.id]) {
    await expect(resolveDuplicate({ actor: casey, inquiryId: fresh.id, decision: "confirm", originalId })).rejects.toMatchObject({ field: "originalId" });
  }
  expect((await triageFacts(fresh.id)).duplicateState).toBe("NONE");
});

it("dismissing records a decision and clears the flag; an inquiry with no match has nothing to dismiss", async () => {
  const person = contact();
  const older = await submitTestInquiry(person);
  const fresh = await submitTestInquiry(person);
  await flagPossibleDuplicate({ inquiryId: fresh.id });
  await resolveDuplicate({ actor: casey, inquiryId: fresh.id, decision: "dismiss" });
  expect(await triageFacts(fresh.id)).toMatchObject({ duplicateState: "DISMISSED", possibleDuplicateOfId: null, closedAt: null });
  const audit = await getDb().auditEvent.findFirstOrThrow({ where: { inquiryId: fresh.id, action: "inquiry.duplicate_dismissed" } });
  expect(audit.metadata).toEqual({ previousState: "FLAGGED", candidateIds: [older.id] });
  await expect(resolveDuplicate({ actor: casey, inquiryId: fresh.id, decision: "dismiss" })).rejects.toThrow(/already marked/);

  const alone = await submitTestInquiry(contact());
  await expect(resolveDuplicate({ actor: casey, inquiryId: alone.id, decision: "dismiss" })).rejects.toThrow(/no possible duplicate/);
});

it("two people linking A to B and B to A at once: one wins, the other is refused, no deadlock", async () => {
  const person = contact();
  const a = await submitTestInquiry(person);
  const b = await submitTestInquiry(person);
  const robin = await addStaffMember({ name: "Robin" });
  const results = await Promise.allSettled([
    resolveDuplicate({ actor: casey, inquiryId: a.id, decision: "confirm", originalId: b.id }),
    resolveDuplicate({ actor: robin, inquiryId: b.id, decision: "confirm", originalId: a.id }),
  ]);
  expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
  const states = [(await triageFacts(a.id)).duplicateState, (await triageFacts(b.id)).duplicateState].sort();
  expect(states).toEqual(["CONFIRMED", "NONE"]);
});
