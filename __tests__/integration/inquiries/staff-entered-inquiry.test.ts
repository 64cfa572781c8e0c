import { randomUUID } from "node:crypto";
import type { Client } from "pg";
import { decryptField } from "@/lib/crypto/field-encryption";
import { getKeyring } from "@/lib/crypto/keyring";
import { getDb } from "@/lib/db/client";
import { enterStaffInquiry } from "@/lib/inquiries/enter-staff-inquiry";
import { buildInboxWhere } from "@/lib/triage/inbox/build-inbox-where";
import { exportInquiries } from "@/lib/triage/export/export-inquiries";
import { findOverdueUrgentInquiries } from "@/lib/triage/escalation/find-overdue-urgent-inquiries";
import { localDate } from "@/lib/triage/clock/local-date";
import { countByChannel } from "@/lib/triage/reports/count-by-channel";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { getTriageSettings } from "@/lib/triage/settings/triage-settings";
import { zoneOffsetMs } from "@/lib/triage/clock/zone-offset";
import { InboxFilterSchema } from "@/lib/validations/inbox-filter";
import { CONSENT_TEXT_VERSION } from "@/lib/validations/inquiry-options";
import { InquiryExportSchema } from "@/lib/validations/inquiry-export";
import { provideTestDatabaseClient } from "@/__tests__/support/test-database-client";
import { addStaffMember, submitTestInquiry } from "@/__tests__/support/triage-detail-fixtures";
import { PERSONAL_VALUES, validInquiry } from "@/__tests__/support/valid-inquiry";

// Issue 12: an inquiry a coordinator enters from a phone call is stored as
// safely as a web one (ciphertext in the table, consent rows, outbox row,
// audit row without personal data), its response clock starts at the time of
// first contact given, it is checked for duplicates on save, and the inbox
// filter, the export and the reports count its channel.
const database = provideTestDatabaseClient({ environment: { MAIL_SINK_DIR: "/tmp/iop-staff-entry-test-mail" } });
let sql: Client;
let coordinator: TriageActor;
let admin: TriageActor;
let timeZone: string;
const REFERRER_ORG = "Riverside Community Health";

beforeAll(async () => {
  sql = database.sql;
  coordinator = await addStaffMember({ name: "Casey", role: "coordinator" });
  admin = await addStaffMember({ name: "Ada", role: "admin" });
  timeZone = (await getTriageSettings()).timeZone;
});

// An instant as the form's datetime-local field holds it, on the clinic's clocks.
const wallTime = (instant: Date) => new Date(instant.getTime() + zoneOffsetMs(instant.getTime(), timeZone)).toISOString().slice(0, 16);
const minutesAgo = (minutes: number) => new Date(Math.floor(Date.now() / 60_000) * 60_000 - minutes * 60_000);

let phones = 300;
function phoneCall(overrides: Record<string, unknown> = {}) {
  phones += 1;
  return { ...validInquiry({ phone: `(212) 555-0${phones}`, email: undefined }), channel: "PHONE", receivedAt: wallTime(minutesAgo(90)), ...overrides };
}

async function enter(answers: Record<string, unknown>, actor = coordinator) {
  const result = await enterStaffInquiry({ actor, answers, formNonce: randomUUID() });
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.fieldErrors)}`);
  return result;
}

it("stores a phone inquiry as ciphertext that decrypts back, with its channel, author and the given time as received", async () => {
  const receivedAt = minutesAgo(135);
  const { id } = await enter(phoneCall({ referringOrganisation: REFERRER_ORG, receivedAt: wallTime(receivedAt) }));
  const { rows } = await sql.query(`SELECT * FROM "Inquiry" WHERE "id" = $1`, [id]);
  const row = rows[0];
  expect(row).toMatchObject({ channel: "PHONE", enteredById: coordinator.user.id, createdAt: receivedAt, status: "NEW" });
  expect(Date.now() - row.enteredAt.getTime()).toBeLessThan(60_000);
  for (const column of ["firstNameEnc", "phoneEnc", "messageEnc", "referrerNameEnc", "referringOrganisationEnc"]) {
    expect(row[column]).toMatch(/^v1\./);
  }
  const raw = JSON.stringify(row);
  for (const value of [...PERSONAL_VALUES, REFERRER_ORG]) expect(raw).not.toContain(value);
  const open = (column: string) => decryptField({ keyring: getKeyring(), ciphertext: row[`${column}Enc`], context: `Inquiry.${column}:${id}` });
  expect(open("firstName")).toBe("Zephyrine");
  expect(open("referringOrganisation")).toBe(REFERRER_ORG);
  expect(row.phoneHash).toMatch(/^[0-9a-f]{64}$/);
});

it("records the consent as given at first contact, by the coordinator, under the text version shown", async () => {
  const receivedAt = minutesAgo(20);
  const { id } = await enter(phoneCall({ receivedAt: wallTime(receivedAt), okToLeaveVoicemail: true }));
  const consents = await getDb().consentRecord.findMany({ where: { inquiryId: id }, orderBy: { subject: "asc" } });
  expect(consents).toHaveLength(6);
  for (const consent of consents) expect(consent).toMatchObject({ recordedById: coordinator.user.id, recordedAt: receivedAt, consentTextVersion: CONSENT_TEXT_VERSION });
  expect(consents.find((c) => c.subject === "INTAKE_CONTACT")?.granted).toBe(true);
  expect(consents.find((c) => c.subject === "VOICEMAIL")?.granted).toBe(true);
  expect(consents.find((c) => c.subject === "EMAIL")?.granted).toBe(false);
});

it("audits the entry with its channel and no personal data, and queues the intake team's notification", async () => {
  const { id } = await enter(phoneCall({ channel: "WALK_IN", referringOrganisation: REFERRER_ORG }));
  const audit = await getDb().auditEvent.findMany({ where: { inquiryId: id } });
  const created = audit.filter((event) => event.action === "inquiry.created_by_staff");
  expect(created).toEqual([expect.objectContaining({ actorType: "STAFF", actorId: coordinator.user.id, metadata: expect.objectContaining({ channel: "WALK_IN", urgency: "ROUTINE" }) })]);
  const trail = JSON.stringify(audit.map((event) => ({ ...event, id: String(event.id) })));
  for (const value of [...PERSONAL_VALUES, REFERRER_ORG]) expect(trail).not.toContain(value);
  expect(await getDb().notification.count({ where: { inquiryId: id, kind: "NEW_INQUIRY", status: "PENDING" } })).toBe(1);
});

it("starts the response clock at the time of first contact: an urgent call from three days ago is overdue at once", async () => {
  const receivedAt = minutesAgo(3 * 24 * 60);
  const old = await enter(phoneCall({ inCrisis: true, receivedAt: wallTime(receivedAt) }));
  const fresh = await enter(phoneCall({ inCrisis: true, receivedAt: "" }));
  const settings = await getTriageSettings();
  const overdue = await findOverdueUrgentInquiries({ now: new Date(), settings });
  expect(overdue.find((row) => row.id === old.id)).toMatchObject({ receivedAt });
  expect(overdue.find((row) => row.id === fresh.id)).toBeUndefined();
});

it("refuses a time of first contact later than now or more than 30 days ago, field by field, storing nothing", async () => {
  const before = await getDb().inquiry.count();
  const future = await enterStaffInquiry({ actor: coordinator, answers: phoneCall({ receivedAt: wallTime(minutesAgo(-10)) }), formNonce: randomUUID() });
  expect(future).toEqual({ ok: false, fieldErrors: { receivedAt: ["receivedAt.future"] }, formErrors: [] });
  const ancient = await enterStaffInquiry({ actor: coordinator, answers: phoneCall({ receivedAt: wallTime(minutesAgo(31 * 24 * 60)) }), formNonce: randomUUID() });
  expect(ancient).toEqual({ ok: false, fieldErrors: { receivedAt: ["receivedAt.tooOld"] }, formErrors: [] });
  const noChannel = await enterStaffInquiry({ actor: coordinator, answers: phoneCall({ channel: "WEB", firstName: "" }), formNonce: randomUUID() });
  expect(noChannel.ok === false && Object.keys(noChannel.fieldErrors).sort()).toEqual(["channel", "firstName"]);
  expect(await getDb().inquiry.count()).toBe(before);
});

it("refuses a referral source or payer that is not offered (retired or unknown), as the public form does, storing nothing", async () => {
  const before = await getDb().inquiry.count();
  await getDb().referralSource.update({ where: { code: "EMPLOYER" }, data: { active: false } });
  const retired = await enterStaffInquiry({ actor: coordinator, answers: phoneCall({ heardAbout: "EMPLOYER" }), formNonce: randomUUID() });
  expect(retired).toEqual({ ok: false, fieldErrors: { heardAbout: ["heardAbout.invalid"] }, formErrors: [] });
  const unknownPayer = await enterStaffInquiry({ actor: coordinator, answers: phoneCall({ insuranceKind: "PRIVATE", insurancePayer: "NO_SUCH_PAYER" }), formNonce: randomUUID() });
  expect(unknownPayer).toEqual({ ok: false, fieldErrors: { insurancePayer: ["insurancePayer.unknown"] }, formErrors: [] });
  expect(await getDb().inquiry.count()).toBe(before);
  await getDb().referralSource.update({ where: { code: "EMPLOYER" }, data: { active: true } });
});

it("flags a phone inquiry with the same phone as a web inquiry stored before it, even one received after the call", async () => {
  const web = await submitTestInquiry({ phone: "(917) 555-0177", email: "web.person@example.org" });
  // The call came in half an hour ago; the web inquiry arrived since; the call is entered now.
  const entered = await enter(phoneCall({ phone: "917-555-0177", receivedAt: wallTime(minutesAgo(30)) }));
  expect(entered.possibleDuplicateOfId).toBe(web.id);
  expect(await getDb().inquiry.findUniqueOrThrow({ where: { id: entered.id }, select: { duplicateState: true, possibleDuplicateOfId: true } })).toEqual({
    duplicateState: "FLAGGED",
    possibleDuplicateOfId: web.id,
  });
});

it("stores a form posted twice once", async () => {
  const answers = phoneCall();
  const formNonce = randomUUID();
  const first = await enterStaffInquiry({ actor: coordinator, answers, formNonce });
  const again = await enterStaffInquiry({ actor: coordinator, answers, formNonce });
  expect(first.ok && again.ok && again.id === first.id).toBe(true);
  expect(await getDb().inquiry.count({ where: { id: first.ok ? first.id : "" } })).toBe(1);
});

it("lets the inbox filter, the export and the reports count the channel", async () => {
  const fax = await enter(phoneCall({ channel: "REFERRAL_FAX", referringOrganisation: REFERRER_ORG }));
  const filter = InboxFilterSchema.parse({ stage: "all", channel: "REFERRAL_FAX" });
  const listed = await getDb().inquiry.findMany({ where: buildInboxWhere({ filter, viewerId: coordinator.user.id, timeZone }), select: { id: true } });
  expect(listed).toEqual([{ id: fax.id }]);

  const counts = Object.fromEntries((await getDb().inquiry.groupBy({ by: ["channel"], _count: true })).map((g) => [g.channel, g._count]));
  const request = InquiryExportSchema.parse({ category: "quality_report", columns: ["referenceCode", "channel"], filter: { stage: "all" } });
  const { csv } = await exportInquiries({ admin, request });
  expect(csv).toContain('"Channel"');
  expect((csv.match(/Referral by fax/g) ?? []).length).toBe(counts.REFERRAL_FAX);
  expect((csv.match(/Phone call/g) ?? []).length).toBe(counts.PHONE);
  expect((csv.match(/Web form/g) ?? []).length).toBe(counts.WEB);
  for (const value of [...PERSONAL_VALUES, REFERRER_ORG]) expect(csv).not.toContain(value);

  const today = localDate(new Date(), timeZone);
  const monthAgo = localDate(new Date(Date.now() - 40 * 86_400_000), timeZone);
  const report = await countByChannel({ from: monthAgo, to: today, timeZone });
  expect(report.map((row) => row.channel)).toEqual(["WEB", "PHONE", "WALK_IN", "REFERRAL_FAX", "REFERRAL_EMAIL", "REFERRAL_PORTAL", "OTHER"]);
  expect(Object.fromEntries(report.map((row) => [row.channel, row.received]))).toEqual({
    WEB: counts.WEB ?? 0,
    PHONE: counts.PHONE ?? 0,
    WALK_IN: counts.WALK_IN ?? 0,
    REFERRAL_FAX: 1,
    REFERRAL_EMAIL: 0,
    REFERRAL_PORTAL: 0,
    OTHER: 0,
  });
});
