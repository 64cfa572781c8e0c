import { disconnectDb, getDb } from "@/lib/db/client";
import { changeInquiryStage } from "@/lib/triage/pipeline/change-inquiry-stage";
import { continueContactAttempts } from "@/lib/triage/pipeline/continue-contact-attempts";
import { logContactAttempt } from "@/lib/triage/pipeline/log-contact-attempt";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { TriageRefusedError } from "@/lib/triage/access/triage-errors";
import { setAppEnvironment } from "@/__tests__/support/app-environment";
import { onTestDatabaseTeardown, provideTestDatabase } from "@/__tests__/support/test-database";
import { addStaffMember, auditActions, exitReasonFor, submitTestInquiry, triageFacts } from "@/__tests__/support/triage-detail-fixtures";

provideTestDatabase();
beforeAll(() => setAppEnvironment({ MAIL_SINK_DIR: "/tmp/iop-test-mail-unused" }));
onTestDatabaseTeardown(() => disconnectDb());

let casey: TriageActor;
beforeAll(async () => {
  casey = await addStaffMember({ name: "Casey" });
});

const inAnHour = () => new Date(Date.now() + 3_600_000);
const noAnswer = (inquiryId: string, nextFollowUpAt: Date | null = null) =>
  logContactAttempt({ actor: casey, inquiryId, channel: "CALL", outcome: "NO_ANSWER", nextFollowUpAt });

it("the first attempt sets firstContactAt and moves New to Contact attempted, audited as automatic", async () => {
  const { id } = await submitTestInquiry();
  const followUp = inAnHour();
  const result = await noAnswer(id, followUp);
  expect(result).toMatchObject({ status: "CONTACT_ATTEMPTED", decisionDue: false });
  const facts = await triageFacts(id);
  expect(facts).toMatchObject({ status: "CONTACT_ATTEMPTED", unsuccessfulAttempts: 1, nextFollowUpAt: followUp });
  expect(facts.firstContactAt).toEqual(facts.lastAttemptAt);
  expect(await auditActions(id)).toEqual(["inquiry.created", "inquiry.contact_attempt_logged", "inquiry.stage_changed"]);
  const stage = await getDb().auditEvent.findFirstOrThrow({ where: { inquiryId: id, action: "inquiry.stage_changed" } });
  expect(stage.metadata).toMatchObject({ from: "NEW", to: "CONTACT_ATTEMPTED", automatic: true, attemptId: result.attemptId });
  const attempt = await getDb().contactAttempt.findUniqueOrThrow({ where: { id: result.attemptId } });
  expect(attempt).toMatchObject({ channel: "CALL", outcome: "NO_ANSWER", staffUserId: casey.user.id, nextFollowUpAt: followUp });
});

it("later attempts keep firstContactAt, move lastAttemptAt, count, and replace the follow-up", async () => {
  const { id } = await submitTestInquiry();
  await noAnswer(id, inAnHour());
  const first = await triageFacts(id);
  await new Promise((resolve) => setTimeout(resolve, 20));
  await logContactAttempt({ actor: casey, inquiryId: id, channel: "TEXT", outcome: "LEFT_MESSAGE", nextFollowUpAt: null });
  const second = await triageFacts(id);
  expect(second.firstContactAt).toEqual(first.firstContactAt);
  expect(second.lastAttemptAt!.getTime()).toBeGreaterThan(first.lastAttemptAt!.getTime());
  expect(second).toMatchObject({ unsuccessfulAttempts: 2, nextFollowUpAt: null, status: "CONTACT_ATTEMPTED" });
  expect(await auditActions(id)).toEqual(["inquiry.created", "inquiry.contact_attempt_logged", "inquiry.stage_changed", "inquiry.contact_attempt_logged"]);
});

it("asks for a decision after the configured number of unsuccessful attempts, and keep-trying starts the count again", async () => {
  await getDb().triageSettings.update({ where: { id: 1 }, data: { attemptsBeforeDecision: 2 } });
  try {
    const { id } = await submitTestInquiry();
    await expect(continueContactAttempts({ actor: casey, inquiryId: id, nextFollowUpAt: null })).rejects.toThrow(/No decision/);
    expect((await noAnswer(id)).decisionDue).toBe(false);
    expect((await noAnswer(id)).decisionDue).toBe(true);
    expect((await noAnswer(id)).decisionDue).toBe(true);
    await continueContactAttempts({ actor: casey, inquiryId: id, nextFollowUpAt: inAnHour() });
    expect(await triageFacts(id)).toMatchObject({ unsuccessfulAttempts: 0, nextFollowUpAt: expect.any(Date) });
    expect((await auditActions(id)).at(-1)).toBe("inquiry.attempts_continued");
    expect((await noAnswer(id)).decisionDue).toBe(false);
    expect((await noAnswer(id)).decisionDue).toBe(true);
  } finally {
    await getDb().triageSettings.update({ where: { id: 1 }, data: { attemptsBeforeDecision: 3 } });
  }
});

it("reaching the person moves the inquiry to Reached and clears the count; later attempts keep the stage", async () => {
  const { id } = await submitTestInquiry();
  await noAnswer(id);
  await noAnswer(id);
  const reached = await logContactAttempt({ actor: casey, inquiryId: id, channel: "CALL", outcome: "REACHED", nextFollowUpAt: null });
  expect(reached).toMatchObject({ status: "REACHED", decisionDue: false });
  expect(await triageFacts(id)).toMatchObject({ status: "REACHED", unsuccessfulAttempts: 0 });
  const afterReached = await noAnswer(id);
  expect(afterReached).toMatchObject({ status: "REACHED", decisionDue: false });
  expect((await auditActions(id)).filter((action) => action === "inquiry.stage_changed")).toHaveLength(2);
});

it("reaching someone on the first attempt goes from New straight to Reached", async () => {
  const { id } = await submitTestInquiry();
  await logContactAttempt({ actor: casey, inquiryId: id, channel: "EMAIL", outcome: "REACHED", nextFollowUpAt: null });
  const facts = await triageFacts(id);
  expect(facts).toMatchObject({ status: "REACHED", unsuccessfulAttempts: 0 });
  expect(facts.firstContactAt).not.toBeNull();
});

it("refuses a voicemail when the person said no voicemail, and texts when they said no texts", async () => {
  const { id } = await submitTestInquiry({ okToLeaveVoicemail: false, okToText: false, preferredContactMethod: "PHONE" });
  await expect(logContactAttempt({ actor: casey, inquiryId: id, channel: "VOICEMAIL", outcome: "LEFT_MESSAGE", nextFollowUpAt: null })).rejects.toThrow(/did not agree to voicemail/);
  await expect(logContactAttempt({ actor: casey, inquiryId: id, channel: "TEXT", outcome: "LEFT_MESSAGE", nextFollowUpAt: null })).rejects.toThrow(/text messages/);
  expect(await auditActions(id)).toEqual(["inquiry.created"]);
  expect(await triageFacts(id)).toMatchObject({ status: "NEW", firstContactAt: null, unsuccessfulAttempts: 0 });
});

it("follows a withdrawal of consent recorded later (the newest record wins)", async () => {
  const { id } = await submitTestInquiry({ okToLeaveVoicemail: true });
  await getDb().consentRecord.create({ data: { inquiryId: id, subject: "VOICEMAIL", granted: false, consentTextVersion: "withdrawn-by-phone" } });
  await expect(logContactAttempt({ actor: casey, inquiryId: id, channel: "VOICEMAIL", outcome: "LEFT_MESSAGE", nextFollowUpAt: null })).rejects.toThrow(/voicemail/);
});

it("refuses an email attempt when no email was given, an outcome that does not fit, and a follow-up in the past", async () => {
  const { id } = await submitTestInquiry({ email: "" });
  await expect(logContactAttempt({ actor: casey, inquiryId: id, channel: "EMAIL", outcome: "LEFT_MESSAGE", nextFollowUpAt: null })).rejects.toThrow(/email address/);
  await expect(logContactAttempt({ actor: casey, inquiryId: id, channel: "VOICEMAIL", outcome: "REACHED", nextFollowUpAt: null })).rejects.toBeInstanceOf(TriageRefusedError);
  await expect(noAnswer(id, new Date(Date.now() - 3_600_000))).rejects.toMatchObject({ field: "nextFollowUpAt" });
  expect(await auditActions(id)).toEqual(["inquiry.created"]);
});

it("refuses attempts on a closed inquiry until it is reopened", async () => {
  const { id } = await submitTestInquiry();
  await changeInquiryStage({ actor: casey, inquiryId: id, to: "WITHDREW", exitReasonId: await exitReasonFor("WITHDREW") });
  await expect(noAnswer(id)).rejects.toThrow(/closed/);
  await changeInquiryStage({ actor: casey, inquiryId: id, to: "CONTACT_ATTEMPTED" });
  await expect(noAnswer(id)).resolves.toMatchObject({ status: "CONTACT_ATTEMPTED" });
});
