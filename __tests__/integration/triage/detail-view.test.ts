import { disconnectDb, getDb } from "@/lib/db/client";
import { addInquiryNote } from "@/lib/triage/notes/add-inquiry-note";
import { changeInquiryStage } from "@/lib/triage/pipeline/change-inquiry-stage";
import { getInquiryDetail } from "@/lib/triage/record/get-inquiry-detail";
import { logContactAttempt } from "@/lib/triage/pipeline/log-contact-attempt";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { InquiryNotFoundError, StaffNotActiveError } from "@/lib/triage/access/triage-errors";
import { CONSENT_TEXT_VERSION } from "@/lib/validations/inquiry-options";
import { setAppEnvironment } from "@/__tests__/support/app-environment";
import { queryAsOwner } from "@/__tests__/support/owner-query";
import { onTestDatabaseTeardown, provideTestDatabase } from "@/__tests__/support/test-database";
import { addStaffMember, submitTestInquiry } from "@/__tests__/support/triage-detail-fixtures";

const database = provideTestDatabase();
let casey: TriageActor;
let robin: TriageActor;
beforeAll(async () => {
  setAppEnvironment({ MAIL_SINK_DIR: "/tmp/iop-test-mail-unused" });
  casey = await addStaffMember({ name: "Casey", ipAddress: "198.51.100.41" });
  robin = await addStaffMember({ name: "Robin", ipAddress: "198.51.100.42" });
});
onTestDatabaseTeardown(() => disconnectDb());

const views = (inquiryId: string) => getDb().auditEvent.findMany({ where: { inquiryId, action: "inquiry.viewed" }, orderBy: { id: "asc" } });

it("decrypts every answer for the signed-in user and writes exactly one view per read, with who and from where", async () => {
  const { id, referenceCode } = await submitTestInquiry();
  const detail = await getInquiryDetail({ actor: casey, inquiryId: id });
  expect(detail.record).toMatchObject({ id, referenceCode, requesterType: "LOVED_ONE", preferredLanguage: "es", bestTimes: ["EVENING"], heardAbout: "FRIEND_OR_FAMILY" });
  expect(detail.record.answers).toEqual({
    firstName: "Zephyrine",
    phone: "+12125550142",
    email: "zephyrine.private@example.org",
    message: "She has been drinking heavily since the spring and is afraid of withdrawal.",
    referrerName: "Bartholomew Quill",
    referrerRelationship: "older brother",
    personAware: "NO",
    referringOrganisation: null,
  });
  const rows = await views(id);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ actorType: "STAFF", actorId: casey.user.id, ipAddress: "198.51.100.41", userAgent: "jest", metadata: { referenceCode } });

  await getInquiryDetail({ actor: robin, inquiryId: id });
  await getInquiryDetail({ actor: casey, inquiryId: id });
  expect((await views(id)).map((row) => row.actorId)).toEqual([casey.user.id, robin.user.id, casey.user.id]);
});

it("shows the discreet-contact consents per channel with their wording version", async () => {
  const { id } = await submitTestInquiry({ okToLeaveVoicemail: false, okToNameProgramme: false, okToText: true });
  const { consents } = await getInquiryDetail({ actor: casey, inquiryId: id });
  const granted = Object.fromEntries([...consents.current].map(([subject, entry]) => [subject, entry.granted]));
  expect(granted).toEqual({ INTAKE_CONTACT: true, CALL: true, VOICEMAIL: false, TEXT: true, EMAIL: true, NAME_PROGRAMME: false });
  expect([...consents.current.values()].every((entry) => entry.consentTextVersion === CONSENT_TEXT_VERSION && entry.recordedAt instanceof Date)).toBe(true);
});

it("writes no view when the account is no longer allowed in, or the inquiry does not exist", async () => {
  const { id } = await submitTestInquiry();
  const disabled = await addStaffMember({ banned: true });
  const unenrolled = await addStaffMember({ enrolled: false });
  await expect(getInquiryDetail({ actor: disabled, inquiryId: id })).rejects.toBeInstanceOf(StaffNotActiveError);
  await expect(getInquiryDetail({ actor: unenrolled, inquiryId: id })).rejects.toBeInstanceOf(StaffNotActiveError);
  const demoted = await addStaffMember();
  await queryAsOwner(database.ownerUrl, `ALTER TABLE "StaffUser" DROP CONSTRAINT IF EXISTS "StaffUser_role_check"`);
  await getDb().staffUser.update({ where: { id: demoted.user.id }, data: { role: "volunteer" } });
  await expect(getInquiryDetail({ actor: demoted, inquiryId: id })).rejects.toBeInstanceOf(StaffNotActiveError);
  expect(await views(id)).toEqual([]);

  await expect(getInquiryDetail({ actor: casey, inquiryId: "00000000-0000-4000-8000-000000000000" })).rejects.toBeInstanceOf(InquiryNotFoundError);
  await expect(getInquiryDetail({ actor: casey, inquiryId: "K7Q3-M9TD" })).rejects.toBeInstanceOf(InquiryNotFoundError);
  expect(await getDb().auditEvent.count({ where: { action: "inquiry.viewed", actorId: casey.user.id, inquiryId: null } })).toBe(0);
});

it("shows nothing and records no view when a stored answer fails to decrypt", async () => {
  const { id } = await submitTestInquiry();
  const other = await submitTestInquiry();
  const { phoneEnc } = await getDb().inquiry.findUniqueOrThrow({ where: { id: other.id }, select: { phoneEnc: true } });
  await getDb().inquiry.update({ where: { id }, data: { phoneEnc } });
  await expect(getInquiryDetail({ actor: casey, inquiryId: id })).rejects.toThrow();
  expect(await views(id)).toEqual([]);
});

it("has a timeline of what happened and who looked, runs of views by one person collapsed", async () => {
  const { id } = await submitTestInquiry({ inCrisis: true });
  await getInquiryDetail({ actor: casey, inquiryId: id });
  await getInquiryDetail({ actor: casey, inquiryId: id });
  await logContactAttempt({ actor: casey, inquiryId: id, channel: "CALL", outcome: "REACHED", nextFollowUpAt: null });
  await changeInquiryStage({ actor: robin, inquiryId: id, to: "SCREENING_SCHEDULED" });
  await addInquiryNote({ actor: robin, inquiryId: id, body: "Screening Thursday" });
  const { timeline, notes, attempts } = await getInquiryDetail({ actor: robin, inquiryId: id });

  expect(timeline.map((entry) => [entry.who, entry.what, entry.count])).toEqual([
    ["Robin", "Viewed", 1],
    ["Robin", "Added a note", 1],
    ["Robin", "Stage Reached → Screening scheduled", 1],
    ["Casey", "Stage New → Reached, following a logged attempt", 1],
    ["Casey", "Called: reached", 1],
    ["Casey", "Viewed", 2],
    ["System", "Staff notification email waiting to be sent", 1],
    ["The person (web form)", "Received through the web form, marked urgent", 1],
  ]);
  expect(timeline.map((entry) => entry.what).join(" ")).not.toContain("Screening Thursday");
  expect(notes.map((note) => note.versions.at(-1)?.body)).toEqual(["Screening Thursday"]);
  expect(attempts).toEqual([expect.objectContaining({ channel: "CALL", outcome: "REACHED", staffName: "Casey" })]);
});
