import type { Client } from "pg";
import { Webhook } from "standardwebhooks";
import { getPool } from "@/lib/db/client";
import { runOutboxWorker, type OutboxWorker } from "@/lib/notifications/run-outbox-worker";
import { changeInquiryStage } from "@/lib/triage/pipeline/change-inquiry-stage";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { changeWebhookEndpoint } from "@/lib/webhooks/change-webhook-endpoint";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { recordWebhookAttempt } from "@/lib/webhooks/record-webhook-attempt";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-webhook-secret";
import { sendTestWebhook } from "@/lib/webhooks/send-test-webhook";
import type { WebhookEvent } from "@/lib/webhooks/webhook-events";
import { startSmtpSink, type SmtpSink } from "@/__tests__/support/smtp-sink";
import { createStaffMember, inquiryIdOf, submitTestInquiry } from "@/__tests__/support/triage-admin-fixtures";
import { onTestDatabaseTeardown } from "@/__tests__/support/test-database";
import { provideTestDatabaseClient } from "@/__tests__/support/test-database-client";
import { PERSONAL_VALUES } from "@/__tests__/support/valid-inquiry";
import { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from "@/__tests__/support/webhook-receiver";

// Issue 13: signed webhooks through the one outbox, against real HTTP
// receivers on loopback and the real Standard Webhooks verifier.
const PAUSE_AFTER = 3;
let smtp: SmtpSink;
let sql: Client;
let worker: OutboxWorker;
let admin: TriageActor;
const receivers: WebhookReceiver[] = [];

// The sink starts first: the app's environment names its port.
beforeAll(async () => {
  smtp = await startSmtpSink();
});
const database = provideTestDatabaseClient({
  environment: () => ({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, WEBHOOK_PAUSE_AFTER_FAILURES: String(PAUSE_AFTER), WEBHOOK_PAUSE_AFTER_MINUTES: "0", NOTIFY_MAX_ATTEMPTS: "50" }),
  teardown: async () => {
    await worker.stop();
    await Promise.all(receivers.map((r) => r.stop()));
  },
});
// Stopped last, once the helper has closed the mail transport's pooled connections to it.
onTestDatabaseTeardown(() => smtp.stop());

beforeAll(async () => {
  sql = database.sql;
  admin = await createStaffMember(sql, { role: "admin" });
  worker = runOutboxWorker();
});

async function endpoint(options: { events: WebhookEvent[]; format?: "STANDARD" | "SLACK" | "TEAMS" }) {
  const receiver = await startWebhookReceiver();
  receivers.push(receiver);
  const created = await createWebhookEndpoint({
    admin,
    input: { name: `Receiver ${receivers.length}`, url: receiver.url, format: options.format ?? "STANDARD", events: options.events },
  });
  return { receiver, ...created };
}

function headersOf(hook: ReceivedWebhook): Record<string, string> {
  return Object.fromEntries(Object.entries(hook.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(",") : (value ?? "")]));
}

type Payload = { type: string; timestamp: string; data: Record<string, unknown> };

function verified(secret: string, hook: ReceivedWebhook): Payload {
  return new Webhook(secret).verify(hook.body, headersOf(hook)) as Payload;
}

async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

let everyone: Awaited<ReturnType<typeof endpoint>>;
let urgentOnly: Awaited<ReturnType<typeof endpoint>>;
let stages: Awaited<ReturnType<typeof endpoint>>;

it("a submission produces exactly one signed webhook per subscribed endpoint, verified by the library", async () => {
  everyone = await endpoint({ events: ["inquiry.received"] });
  urgentOnly = await endpoint({ events: ["inquiry.urgent_received"], format: "SLACK" });
  stages = await endpoint({ events: ["inquiry.stage_changed", "inquiry.admitted"], format: "TEAMS" });

  const routine = await submitTestInquiry();
  const urgent = await submitTestInquiry({ inCrisis: true });
  await everyone.receiver.waitFor(2);
  await urgentOnly.receiver.waitFor(1);
  await settle();

  expect(everyone.receiver.received).toHaveLength(2);
  const payloads = everyone.receiver.received.map((hook) => verified(everyone.secret, hook));
  const byCode = new Map(payloads.map((p) => [p.data.referenceCode, p]));
  const routineId = await inquiryIdOf(sql, routine);
  expect(byCode.get(routine)).toEqual({
    type: "inquiry.received",
    timestamp: expect.any(String),
    data: {
      referenceCode: routine,
      urgency: "routine",
      stage: "NEW",
      occurredAt: expect.any(String),
      url: `http://localhost:3000/staff/inquiries/${routineId}`,
    },
  });
  expect(byCode.get(urgent)?.data.urgency).toBe("urgent");
  // A signature made with another secret is refused by the same verifier.
  const [first] = everyone.receiver.received;
  if (!first) throw new Error("no webhook");
  expect(() => verified(urgentOnly.secret, first)).toThrow();

  expect(urgentOnly.receiver.received).toHaveLength(1);
  const [slack] = urgentOnly.receiver.received;
  if (!slack) throw new Error("no webhook");
  verified(urgentOnly.secret, slack);
  const urgentId = await inquiryIdOf(sql, urgent);
  expect(JSON.parse(slack.body)).toEqual({ text: `Urgent request ${urgent} — <http://localhost:3000/staff/inquiries/${urgentId}|open in the intake app>` });
  expect(stages.receiver.received).toHaveLength(0);
});

it("stage changes and admission are webhooks too, queued with the change", async () => {
  const code = await submitTestInquiry();
  const id = await inquiryIdOf(sql, code);
  const coordinator = await createStaffMember(sql, { role: "coordinator" });
  await changeInquiryStage({ actor: coordinator, inquiryId: id, to: "REACHED" });
  await changeInquiryStage({ actor: coordinator, inquiryId: id, to: "SCREENING_SCHEDULED" });
  await changeInquiryStage({ actor: coordinator, inquiryId: id, to: "ADMITTED" });
  await stages.receiver.waitFor(4);
  await settle();
  const texts = stages.receiver.received.map((hook) => {
    verified(stages.secret, hook);
    const card = JSON.parse(hook.body) as { attachments: { content: { body: { text: string }[] } }[] };
    return card.attachments[0]?.content.body[0]?.text.split(" — ")[0];
  });
  expect(texts.sort()).toEqual(
    [`Request ${code} moved to "reached"`, `Request ${code} moved to "screening scheduled"`, `Request ${code} moved to "admitted"`, `Request ${code} was admitted`].sort(),
  );
});

it("a receiver that is down for a while gets the webhook later, once, and the log shows the failed attempts", async () => {
  const before = everyone.receiver.received.length;
  await everyone.receiver.stop();
  const code = await submitTestInquiry();
  const id = await inquiryIdOf(sql, code);
  // Email is not held up by the receiver's outage.
  await eventually(() => smtp.messages.some((m) => m.subject?.includes(code)));
  await eventually(async () => {
    const { rows } = await sql.query(`SELECT "attempts" FROM "Notification" WHERE "kind" = 'WEBHOOK' AND "inquiryId" = $1`, [id]);
    return (rows[0]?.attempts ?? 0) >= 2;
  });
  await everyone.receiver.start();
  await everyone.receiver.waitFor(before + 1);
  await settle();
  const late = everyone.receiver.received.slice(before);
  expect(late.map((hook) => verified(everyone.secret, hook).data.referenceCode)).toEqual([code]);
  const { rows } = await sql.query<{ ok: boolean; statusCode: number | null; error: string | null }>(
    `SELECT d."ok", d."statusCode", d."error" FROM "WebhookDelivery" d JOIN "Notification" n ON n."id" = d."notificationId" WHERE n."inquiryId" = $1 ORDER BY d."id"`,
    [id],
  );
  expect(rows.length).toBeGreaterThanOrEqual(3);
  expect(rows.at(-1)).toEqual({ ok: true, statusCode: 204, error: null });
  expect(rows.slice(0, -1).every((row) => !row.ok && row.statusCode === null && row.error === "ECONNREFUSED")).toBe(true);
});

it("signs with both secrets during a rotation's overlap, so receivers on either secret verify", async () => {
  const before = everyone.receiver.received.length;
  const rotated = await rotateWebhookSecret({ admin, endpointId: everyone.id });
  expect(rotated.secret).not.toBe(everyone.secret);
  await submitTestInquiry();
  const [hook] = (await everyone.receiver.waitFor(before + 1)).slice(before);
  if (!hook) throw new Error("no webhook");
  expect(headersOf(hook)["webhook-signature"]?.split(" ")).toHaveLength(2);
  expect(verified(rotated.secret, hook).type).toBe("inquiry.received");
  expect(verified(everyone.secret, hook).type).toBe("inquiry.received");
  // After the overlap, the old secret no longer signs.
  await sql.query(`UPDATE "WebhookEndpoint" SET "previousSecretUntil" = now() - interval '1 second' WHERE "id" = $1`, [everyone.id]);
  await submitTestInquiry();
  const [next] = (await everyone.receiver.waitFor(before + 2)).slice(before + 1);
  if (!next) throw new Error("no webhook");
  expect(verified(rotated.secret, next).type).toBe("inquiry.received");
  expect(() => verified(everyone.secret, next)).toThrow();
  everyone.secret = rotated.secret;
});

it("pauses an endpoint that keeps failing, without holding up email or other endpoints; resuming delivers its queue once", async () => {
  const failing = await endpoint({ events: ["inquiry.received"] });
  failing.receiver.status = 500;
  const before = everyone.receiver.received.length;
  const code = await submitTestInquiry();
  await eventually(async () => {
    const { rows } = await sql.query(`SELECT "pausedAt" FROM "WebhookEndpoint" WHERE "id" = $1`, [failing.id]);
    return rows[0]?.pausedAt instanceof Date;
  });
  await eventually(() => smtp.messages.some((m) => m.subject?.includes(code)));
  await everyone.receiver.waitFor(before + 1);
  const { rows: audits } = await sql.query(`SELECT "metadata" FROM "AuditEvent" WHERE "action" = 'webhook.paused' AND "actorType" = 'SYSTEM'`);
  expect(audits).toEqual([{ metadata: { endpointId: failing.id, consecutiveFailures: PAUSE_AFTER } }]);
  const { rows: log } = await sql.query(`SELECT "statusCode", "error" FROM "WebhookDelivery" WHERE "endpointId" = $1`, [failing.id]);
  expect(log).toHaveLength(PAUSE_AFTER);
  // Status only: the receiver's response text is never stored.
  expect(log.every((row) => row.statusCode === 500 && row.error === "HTTP 500")).toBe(true);

  // Paused: nothing more is attempted, the row waits.
  await settle();
  const { rows: waiting } = await sql.query(`SELECT "status" FROM "Notification" WHERE "webhookEndpointId" = $1`, [failing.id]);
  expect(waiting).toEqual([{ status: "PENDING" }]);
  expect((await sql.query(`SELECT 1 FROM "WebhookDelivery" WHERE "endpointId" = $1`, [failing.id])).rowCount).toBe(PAUSE_AFTER);

  failing.receiver.status = 204;
  await changeWebhookEndpoint({ admin, endpointId: failing.id, command: "resume" });
  await failing.receiver.waitFor(1);
  await settle();
  expect(failing.receiver.received.map((hook) => verified(failing.secret, hook).data.referenceCode)).toEqual([code]);
});

it("does not pause an endpoint for a burst of failures: the streak must also last long enough", async () => {
  const busy = await endpoint({ events: [] as WebhookEvent[] });
  const fail = { ok: false, statusCode: 503, latencyMs: 5, error: "HTTP 503" };
  const attempt = () =>
    recordWebhookAttempt({ pool: getPool(), endpointId: busy.id, notificationId: null, event: "inquiry.received", attempt: 1, result: fail, pauseAfterFailures: 3, pauseAfterMinutes: 60 });
  for (let i = 0; i < 10; i += 1) await attempt();
  const paused = async () => (await sql.query(`SELECT "pausedAt" FROM "WebhookEndpoint" WHERE "id" = $1`, [busy.id])).rows[0]?.pausedAt;
  expect(await paused()).toBeNull();
  await sql.query(`UPDATE "WebhookEndpoint" SET "failingSince" = now() - interval '61 minutes' WHERE "id" = $1`, [busy.id]);
  await attempt();
  expect(await paused()).toBeInstanceOf(Date);
  await changeWebhookEndpoint({ admin, endpointId: busy.id, command: "delete" });
});

it("sends a test event on request, signed, logged and audited", async () => {
  const before = stages.receiver.received.length;
  const result = await sendTestWebhook({ admin, endpointId: stages.id });
  expect(result).toMatchObject({ ok: true, statusCode: 204 });
  const [hook] = stages.receiver.received.slice(before);
  if (!hook) throw new Error("no webhook");
  verified(stages.secret, hook);
  expect(hook.body).toContain("Test message for request TEST-0000");
  const { rows } = await sql.query(`SELECT "metadata" FROM "AuditEvent" WHERE "action" = 'webhook.tested'`);
  expect(rows).toEqual([{ metadata: { endpointId: stages.id, ok: true, statusCode: 204 } }]);
});

it("no body or header any receiver got contains a submitted personal value", () => {
  const all = receivers.flatMap((r) => r.received);
  expect(all.length).toBeGreaterThan(10);
  const text = all.map((hook) => `${JSON.stringify(hook.headers)}\n${hook.body}`).join("\n").toLowerCase();
  for (const value of PERSONAL_VALUES) expect(text).not.toContain(value.toLowerCase());
  expect(text).not.toMatch(/addiction|substance|alcohol/);
});

it("keeps the endpoint's URL and secrets encrypted at rest", async () => {
  const { rows } = await sql.query<Record<string, string | null>>(`SELECT "urlEnc", "secretEnc", "previousSecretEnc" FROM "WebhookEndpoint" WHERE "id" = $1`, [everyone.id]);
  const stored = JSON.stringify(rows[0]);
  expect(stored).not.toContain(everyone.receiver.url);
  expect(stored).not.toContain(everyone.secret.slice(6));
  expect(stored).not.toContain("whsec_");
});
