import type { Client } from "pg";
import { runOutboxWorker, type OutboxWorker } from "@/lib/notifications/run-outbox-worker";
import { freshFormToken, postInquiry } from "@/__tests__/support/inquiry-api";
import { startSmtpSink, type SmtpSink } from "@/__tests__/support/smtp-sink";
import { onTestDatabaseTeardown } from "@/__tests__/support/test-database";
import { provideTestDatabaseClient } from "@/__tests__/support/test-database-client";
import { PERSONAL_VALUES, validInquiry } from "@/__tests__/support/valid-inquiry";

let smtp: SmtpSink;
let sql: Client;
const workers: OutboxWorker[] = [];

// The sink starts first: the app's environment names its port.
beforeAll(async () => {
  smtp = await startSmtpSink();
});
const database = provideTestDatabaseClient({
  environment: () => ({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, RATE_LIMIT_IP_MAX: "1000" }),
});
// Stopped last, once the helper has closed the mail transport's pooled connections to it.
onTestDatabaseTeardown(() => smtp.stop());

beforeAll(() => {
  sql = database.sql;
});

afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
});

async function count(table: string): Promise<number> {
  const result = await sql.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`);
  return Number(result.rows[0]?.n);
}

function startWorker(): OutboxWorker {
  const worker = runOutboxWorker();
  workers.push(worker);
  return worker;
}

describe("an accepted inquiry", () => {
  it("is stored encrypted with its consents, audit event and outbox row, and notifies staff without personal data", async () => {
    const before = smtp.messages.length;
    const response = await postInquiry(validInquiry());
    expect(response.status).toBe(201);
    const referenceCode = String(response.json.referenceCode);
    expect(referenceCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    const { rows } = await sql.query(`SELECT * FROM "Inquiry" WHERE "referenceCode" = $1`, [referenceCode]);
    expect(rows).toHaveLength(1);
    const row = rows[0] as Record<string, unknown>;
    for (const column of ["firstNameEnc", "phoneEnc", "emailEnc", "messageEnc", "referrerNameEnc", "referrerRelationshipEnc", "personAwareEnc"]) {
      expect(String(row[column])).toMatch(/^v1\.t1\./);
    }
    const dump = JSON.stringify(rows).toLowerCase();
    for (const value of PERSONAL_VALUES) expect(dump).not.toContain(value.toLowerCase());
    expect(row.phoneHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row).toMatchObject({ status: "NEW", urgency: "ROUTINE", requesterType: "LOVED_ONE", preferredLanguage: "es" });

    const consents = await sql.query(`SELECT subject, granted FROM "ConsentRecord" WHERE "inquiryId" = $1 ORDER BY subject`, [row.id]);
    expect(consents.rows).toEqual(
      expect.arrayContaining([
        { subject: "INTAKE_CONTACT", granted: true },
        { subject: "VOICEMAIL", granted: false },
        { subject: "TEXT", granted: true },
        { subject: "NAME_PROGRAMME", granted: false },
      ]),
    );
    const audit = await sql.query(`SELECT action, "actorType" FROM "AuditEvent" WHERE "inquiryId" = $1`, [row.id]);
    expect(audit.rows).toEqual([{ action: "inquiry.created", actorType: "PUBLIC" }]);

    startWorker();
    const [mail] = (await smtp.waitForMessages(before + 1)).slice(before);
    expect(mail?.subject).toBe(`New intake request ${referenceCode}`);
    expect(mail?.text).toContain(referenceCode);
    expect(mail?.text).toContain("http://localhost:3000/staff");
    const recipients = [mail?.to].flat().flatMap((to) => to?.value.map((a) => a.address));
    expect(recipients).toEqual(["intake-a@clinic.example", "intake-b@clinic.example"]);
    const wholeMail = `${mail?.subject}\n${mail?.text}\n${mail?.html || ""}\n${JSON.stringify(mail?.headers)}`.toLowerCase();
    for (const value of PERSONAL_VALUES) expect(wholeMail).not.toContain(value.toLowerCase());
    expect(wholeMail).not.toMatch(/loved one|someone i care|referr/);

    // The row is marked sent just after the SMTP server accepted the message, so it may lag the mail.
    const notification = await waitFor(async () => {
      const result = await sql.query(`SELECT status, attempts, "sentAt" FROM "Notification" WHERE "inquiryId" = $1`, [row.id]);
      return (result.rows[0] as { status: string } | undefined)?.status === "SENT" ? result : undefined;
    });
    expect(notification.rows[0]).toMatchObject({ status: "SENT", attempts: 1 });
  });

  it("marks a crisis inquiry urgent, in the row and in the email subject", async () => {
    const before = smtp.messages.length;
    const response = await postInquiry(validInquiry({ inCrisis: true, phone: "212-555-0199" }));
    expect(response.status).toBe(201);
    startWorker();
    const [mail] = (await smtp.waitForMessages(before + 1)).slice(before);
    expect(mail?.subject).toBe(`[Urgent] New intake request ${String(response.json.referenceCode)}`);
    const { rows } = await sql.query(`SELECT urgency FROM "Inquiry" WHERE "referenceCode" = $1`, [response.json.referenceCode]);
    expect(rows[0]).toEqual({ urgency: "URGENT" });
  });
});

describe("idempotency", () => {
  it("stores one inquiry for repeated and concurrent posts of the same form and answers", async () => {
    const inquiries = await count("Inquiry");
    const formToken = freshFormToken();
    const answers = validInquiry({ phone: "212-555-0111" });
    const responses = await Promise.all(Array.from({ length: 8 }, () => postInquiry(answers, { formToken })));
    const again = await postInquiry(answers, { formToken });
    const codes = new Set([...responses, again].map((r) => r.json.referenceCode));
    expect([...responses, again].every((r) => r.status === 201)).toBe(true);
    expect(codes.size).toBe(1);
    expect(await count("Inquiry")).toBe(inquiries + 1);
  });

  it("spends the form token on a stored submission: a corrected resubmission needs a fresh token", async () => {
    const inquiries = await count("Inquiry");
    const formToken = freshFormToken();
    const first = await postInquiry(validInquiry({ phone: "212-555-0123" }), { formToken });
    const reused = await postInquiry(validInquiry({ phone: "212-555-0124" }), { formToken });
    expect(reused).toEqual({ status: 400, json: expect.objectContaining({ title: "Submission refused" }) });
    const corrected = await postInquiry(validInquiry({ phone: "212-555-0124" }));
    expect(first.json.referenceCode).not.toEqual(corrected.json.referenceCode);
    expect(await count("Inquiry")).toBe(inquiries + 2);
  });
});

describe("when the mail server is down", () => {
  afterEach(() => smtp.start().catch(() => undefined));

  it("keeps the inquiry, retries, and delivers exactly one email once SMTP is back", async () => {
    await smtp.stop();
    const before = smtp.messages.length;
    const response = await postInquiry(validInquiry({ phone: "212-555-0177" }));
    expect(response.status).toBe(201);
    startWorker();
    const { rows } = await waitFor(async () => {
      const result = await sql.query(
        `SELECT n.status, n.attempts, n."lastError" FROM "Notification" n JOIN "Inquiry" i ON i.id = n."inquiryId" WHERE i."referenceCode" = $1`,
        [response.json.referenceCode],
      );
      const row = result.rows[0] as { attempts: number; status: string } | undefined;
      // Between attempts: failed at least twice and waiting for the next try.
      return row && row.attempts >= 2 && row.status === "PENDING" ? result : undefined;
    });
    expect(rows[0]).toMatchObject({ status: "PENDING" });
    expect(String((rows[0] as { lastError: string }).lastError)).toMatch(/ECONNECTION|ECONNREFUSED|ESOCKET/);

    await smtp.start();
    await smtp.waitForMessages(before + 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const delivered = smtp.messages.slice(before).filter((m) => m.subject?.includes(String(response.json.referenceCode)));
    expect(delivered).toHaveLength(1);
  });
});

describe("several workers on one outbox", () => {
  it("send every notification exactly once", async () => {
    const before = smtp.messages.length;
    const codes: string[] = [];
    for (let i = 0; i < 30; i += 1) {
      const response = await postInquiry(validInquiry({ phone: `212-555-${String(1000 + i)}` }), { ip: `198.51.100.${i}` });
      codes.push(String(response.json.referenceCode));
    }
    startWorker();
    startWorker();
    startWorker();
    await smtp.waitForMessages(before + 30);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const subjects = smtp.messages.slice(before).map((m) => m.subject ?? "");
    expect(subjects).toHaveLength(30);
    expect(new Set(subjects).size).toBe(30);
    for (const code of codes) expect(subjects.filter((s) => s.includes(code))).toHaveLength(1);
  });
});

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
