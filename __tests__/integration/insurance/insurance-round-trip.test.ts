import { Client } from "pg";
import { disconnectDb, getDb } from "@/lib/db/client";
import { readInquiryInsurance } from "@/lib/insurance/read-inquiry-insurance";
import { recordVerification } from "@/lib/insurance/record-verification";
import { saveCoverage } from "@/lib/insurance/save-coverage";
import { savePayer } from "@/lib/insurance/save-payer";
import { logger } from "@/lib/logging/logger";
import { closeMailTransport } from "@/lib/notifications/mail-transport";
import { runOutboxWorker, type OutboxWorker } from "@/lib/notifications/run-outbox-worker";
import { buildInboxWhere } from "@/lib/triage/inbox/build-inbox-where";
import { exportInquiries } from "@/lib/triage/export/export-inquiries";
import { getInquiryDetail } from "@/lib/triage/record/get-inquiry-detail";
import { measureTimeToVerified } from "@/lib/triage/reports/measure-time-to-verified";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { CoverageEntrySchema, VerificationEntrySchema } from "@/lib/validations/insurance-entry";
import { EXPORT_COLUMN_KEYS, InquiryExportSchema } from "@/lib/validations/inquiry-export";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { setAppEnvironment } from "@/__tests__/support/app-environment";
import { postInquiry } from "@/__tests__/support/inquiry-api";
import { startSmtpSink, type SmtpSink } from "@/__tests__/support/smtp-sink";
import { onTestDatabaseTeardown, provideTestDatabase } from "@/__tests__/support/test-database";
import { createStaffMember, inquiryIdOf } from "@/__tests__/support/triage-admin-fixtures";
import { validInquiry } from "@/__tests__/support/valid-inquiry";
import { startWebhookReceiver, type WebhookReceiver } from "@/__tests__/support/webhook-receiver";

// Issue 12: insurance answers through the real submission path are
// ciphertext at rest, readable on the audited detail read, and absent from
// every way out (email, logs, CSV export, webhooks); the payer list is read
// per submission; verification is audited by field name; the time-to-verified
// report measures what it says.
const database = provideTestDatabase();
const MEMBER_ID = "QZX9087654321";
const OTHER_PAYER_NAME = "Marigold Mutual Benefit Trust";
const GROUP_NUMBER = "GRP77120";
const SUBSCRIBER = "Eustacia Vandermolen";
const REFERENCE = "VOB-REF-5512093";
const NOTES = "Deductible met; twelve sessions authorised";
const INSURANCE_VALUES = [MEMBER_ID, OTHER_PAYER_NAME, "Marigold", GROUP_NUMBER, SUBSCRIBER, "Vandermolen", "1961-04-17", REFERENCE, NOTES, "twelve sessions"];

let smtp: SmtpSink;
let owner: Client;
let admin: TriageActor;
let coordinator: TriageActor;
let worker: OutboxWorker;
let receiver: WebhookReceiver;
let submissions = 0;
const logged: unknown[] = [];

beforeAll(async () => {
  smtp = await startSmtpSink();
  setAppEnvironment({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, RATE_LIMIT_IP_MAX: "1000" });
  owner = new Client({ connectionString: database.ownerUrl });
  await owner.connect();
  admin = await createStaffMember(owner, { role: "admin" });
  coordinator = await createStaffMember(owner, { role: "coordinator" });
  receiver = await startWebhookReceiver();
  await createWebhookEndpoint({ admin, input: { name: "Receiver", url: receiver.url, format: "STANDARD", events: ["inquiry.received"] } });
  // Every log call, with its arguments before redaction (a stricter check
  // than reading the redacted output).
  for (const level of ["trace", "debug", "info", "warn", "error", "fatal"] as const) {
    jest.spyOn(logger, level).mockImplementation((...args: unknown[]) => {
      logged.push(args);
    });
  }
  worker = runOutboxWorker();
});

onTestDatabaseTeardown(async () => {
  await worker.stop();
  closeMailTransport();
  await receiver.stop();
  await owner.end();
  await disconnectDb();
  await smtp.stop();
});

async function submit(overrides: Parameters<typeof validInquiry>[0]) {
  submissions += 1;
  return postInquiry(validInquiry(overrides), { ip: `10.40.${submissions}.9` });
}

async function submitted(overrides: Parameters<typeof validInquiry>[0]): Promise<string> {
  const response = await submit(overrides);
  expect(response.status).toBe(201);
  return inquiryIdOf(owner, String(response.json.referenceCode));
}

describe("the public insurance answers", () => {
  let inquiryId: string;
  let referenceCode: string;

  beforeAll(async () => {
    const mailsBefore = smtp.messages.length;
    const hooksBefore = receiver.received.length;
    const response = await submit({
      insuranceKind: "PRIVATE",
      insurancePayer: "OTHER",
      insurancePayerOther: OTHER_PAYER_NAME,
      insuranceMemberId: MEMBER_ID,
      insurancePolicyHolder: "NO",
    });
    expect(response.status).toBe(201);
    referenceCode = String(response.json.referenceCode);
    inquiryId = await inquiryIdOf(owner, referenceCode);
    await smtp.waitForMessages(mailsBefore + 1);
    await receiver.waitFor(hooksBefore + 1);
  });

  it("are ciphertext in the database, bound to their row", async () => {
    const { rows } = await owner.query(`SELECT * FROM "InquiryCoverage" WHERE "inquiryId" = $1`, [inquiryId]);
    expect(rows).toHaveLength(1);
    const row = rows[0] as Record<string, unknown>;
    expect(row).toMatchObject({ rank: "PRIMARY", kind: "PRIVATE", payerCode: "OTHER", policyHolder: false });
    expect(String(row.memberIdEnc)).toMatch(/^v1\./);
    expect(String(row.payerOtherEnc)).toMatch(/^v1\./);
    const dump = JSON.stringify(rows);
    for (const value of INSURANCE_VALUES) expect(dump).not.toContain(value);
  });

  it("decrypt back on the staff detail read", async () => {
    await getInquiryDetail({ actor: coordinator, inquiryId });
    const insurance = await readInquiryInsurance({ inquiryId });
    expect(insurance.coverages).toEqual([
      expect.objectContaining({ rank: "PRIMARY", kind: "PRIVATE", payerCode: "OTHER", payerOther: OTHER_PAYER_NAME, memberId: MEMBER_ID, policyHolder: false }),
    ]);
  });

  it("never reach the notification email, the webhook, the logs or the CSV export", async () => {
    const mail = smtp.messages.find((message) => message.text?.includes(referenceCode));
    expect(mail).toBeDefined();
    const hook = receiver.received.find((received) => received.body.includes(referenceCode) || received.body.includes(inquiryId));
    expect(hook).toBeDefined();
    const { csv } = await exportInquiries({ admin, request: InquiryExportSchema.parse({ category: "quality_report", columns: EXPORT_COLUMN_KEYS, filter: { stage: "all" } }) });
    expect(csv).toContain(referenceCode);
    // The capture works: the submission's own "inquiry accepted" line is in it.
    expect(JSON.stringify(logged)).toContain(inquiryId);
    const outlets = [JSON.stringify(mail), JSON.stringify(hook), JSON.stringify(logged), csv];
    for (const outlet of outlets) for (const value of INSURANCE_VALUES) expect(outlet).not.toContain(value);
  });
});

describe("the payer list", () => {
  it("accepts an admin's new payer at the next submission, and refuses it once retired with a field error", async () => {
    const refusedBefore = await submit({ insuranceKind: "PRIVATE", insurancePayer: "SUNFLOWER_HEALTH_PLAN" });
    expect(refusedBefore.status).toBe(422);

    await savePayer({ admin, command: { command: "add", label: "Sunflower Health Plan" } });
    const accepted = await submit({ insuranceKind: "PRIVATE", insurancePayer: "SUNFLOWER_HEALTH_PLAN" });
    expect(accepted.status).toBe(201);

    await savePayer({ admin, command: { command: "deactivate", code: "SUNFLOWER_HEALTH_PLAN" } });
    const refused = await submit({ insuranceKind: "PRIVATE", insurancePayer: "SUNFLOWER_HEALTH_PLAN" });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.json)).toContain("insurancePayer");

    const audit = await owner.query(`SELECT metadata FROM "AuditEvent" WHERE action = 'triage.payer.saved' ORDER BY "id"`);
    expect(audit.rows.map((row: { metadata: { command: string } }) => row.metadata.command)).toEqual(["add", "deactivate"]);
  });
});

describe("staff insurance entry and the verification of benefits", () => {
  it("encrypts a full secondary coverage, audits by field name only, and decrypts it back", async () => {
    const inquiryId = await submitted({});
    const entry = CoverageEntrySchema.parse({
      inquiryId,
      rank: "SECONDARY",
      kind: "PRIVATE",
      payerCode: "AETNA",
      memberId: MEMBER_ID,
      groupNumber: GROUP_NUMBER,
      subscriberName: SUBSCRIBER,
      subscriberDob: "1961-04-17",
      policyHolder: "NO",
    });
    await saveCoverage({ actor: coordinator, entry });
    const { rows } = await owner.query(`SELECT * FROM "InquiryCoverage" WHERE "inquiryId" = $1`, [inquiryId]);
    for (const value of INSURANCE_VALUES) expect(JSON.stringify(rows)).not.toContain(value);
    const insurance = await readInquiryInsurance({ inquiryId });
    expect(insurance.coverages[0]).toMatchObject({ rank: "SECONDARY", payerLabel: "Aetna", groupNumber: GROUP_NUMBER, subscriberName: SUBSCRIBER, subscriberDob: "1961-04-17" });
    const audit = await owner.query(`SELECT action, metadata FROM "AuditEvent" WHERE "inquiryId" = $1 AND action LIKE 'inquiry.coverage%'`, [inquiryId]);
    expect(audit.rows).toEqual([{ action: "inquiry.coverage_saved", metadata: { rank: "SECONDARY", changed: ["created"] } }]);
  });

  it("records a verification status change with who and when, audited without values, and lists it in the right inbox view", async () => {
    const inquiryId = await submitted({ insuranceKind: "MEDICAID", insurancePayer: "MEDICAID", insuranceMemberId: "MCD1" });
    const waiting = async () => {
      const where = buildInboxWhere({ filter: { stage: "open", verification: "waiting" }, viewerId: coordinator.user.id, timeZone: "America/New_York" });
      return (await getDb().inquiry.findMany({ where, select: { id: true } })).map((row) => row.id);
    };
    expect(await waiting()).toContain(inquiryId);

    const at = new Date("2026-12-06T15:00:00Z");
    await recordVerification({ actor: coordinator, entry: VerificationEntrySchema.parse({ inquiryId, status: "VERIFIED_ACTIVE", reference: REFERENCE, notes: NOTES }), now: at });
    expect(await waiting()).not.toContain(inquiryId);

    const { rows } = await owner.query(`SELECT * FROM "InquiryVerification" WHERE "inquiryId" = $1`, [inquiryId]);
    expect(rows[0]).toMatchObject({ status: "VERIFIED_ACTIVE", verifiedById: coordinator.user.id, verifiedAt: at });
    for (const value of INSURANCE_VALUES) expect(JSON.stringify(rows)).not.toContain(value);
    expect((await readInquiryInsurance({ inquiryId })).verification).toMatchObject({ reference: REFERENCE, notes: NOTES, verifiedByName: coordinator.user.name });

    const audit = await owner.query(`SELECT "actorId", metadata FROM "AuditEvent" WHERE "inquiryId" = $1 AND action = 'inquiry.verification_updated'`, [inquiryId]);
    expect(audit.rows).toEqual([{ actorId: coordinator.user.id, metadata: { changed: ["status", "reference", "notes"] } }]);

    // Back to "in progress": the result's stamp goes.
    await recordVerification({ actor: coordinator, entry: VerificationEntrySchema.parse({ inquiryId, status: "IN_PROGRESS" }) });
    const after = await owner.query(`SELECT status, "verifiedAt", "referenceEnc" FROM "InquiryVerification" WHERE "inquiryId" = $1`, [inquiryId]);
    expect(after.rows[0]).toEqual({ status: "IN_PROGRESS", verifiedAt: null, referenceEnc: null });
    expect(await waiting()).toContain(inquiryId);
  });
});

describe("the time-to-verified report", () => {
  it("gives the median and 90th percentile from arrival to the verification result", async () => {
    // Ten inquiries received on one day, verified after 10, 20, ... 100 minutes;
    // one more with insurance still waiting; one outside the range.
    const received = new Date("2026-11-10T14:00:00Z");
    for (let minutes = 10; minutes <= 100; minutes += 10) {
      const id = await submitted({ insuranceKind: "MEDICARE" });
      await owner.query(`UPDATE "Inquiry" SET "createdAt" = $2 WHERE "id" = $1`, [id, received]);
      await recordVerification({ actor: coordinator, entry: VerificationEntrySchema.parse({ inquiryId: id, status: "SELF_PAY" }), now: new Date(received.getTime() + minutes * 60_000) });
    }
    const waitingId = await submitted({ insuranceKind: "UNSURE" });
    await owner.query(`UPDATE "Inquiry" SET "createdAt" = $2 WHERE "id" = $1`, [waitingId, received]);
    const outside = await submitted({ insuranceKind: "MEDICARE" });
    await owner.query(`UPDATE "Inquiry" SET "createdAt" = '2026-10-01T14:00:00Z' WHERE "id" = $1`, [outside]);
    await recordVerification({ actor: coordinator, entry: VerificationEntrySchema.parse({ inquiryId: outside, status: "SELF_PAY" }), now: new Date("2026-10-09T14:00:00Z") });

    const figures = await measureTimeToVerified({ from: "2026-11-10", to: "2026-11-10", timeZone: "America/New_York" });
    // percentile_cont over 10..100: median 55, p90 = 91.
    expect(figures).toEqual({ verified: 10, waiting: 1, medianMinutes: 55, p90Minutes: 91 });
  });
});
