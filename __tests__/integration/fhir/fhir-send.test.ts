import type { Client } from "pg";
import { exportFhirBundle } from "@/lib/fhir/export-fhir-bundle";
import { recordEhrDisclosureConsent } from "@/lib/fhir/record-ehr-disclosure-consent";
import { runOutboxWorker, type OutboxWorker } from "@/lib/notifications/run-outbox-worker";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { startSmtpSink, type SmtpSink } from "@/__tests__/support/smtp-sink";
import { createStaffMember, inquiryIdOf, submitTestInquiry } from "@/__tests__/support/triage-admin-fixtures";
import { onTestDatabaseTeardown } from "@/__tests__/support/test-database";
import { provideTestDatabaseClient } from "@/__tests__/support/test-database-client";
import { startWebhookReceiver, type WebhookReceiver } from "@/__tests__/support/webhook-receiver";

// Issue 13: the hand-off sent to a configured FHIR server through the outbox
// (a real HTTP server on loopback), with the bearer token, as a transaction
// Bundle; a consent withdrawn before delivery stops it.
const TOKEN = "test-bearer-token-0123456789";
let smtp: SmtpSink;
let server: WebhookReceiver;
let sql: Client;
let worker: OutboxWorker;
let coordinator: TriageActor;

// The sink and the FHIR server start first: the app's environment names their addresses.
beforeAll(async () => {
  smtp = await startSmtpSink();
  server = await startWebhookReceiver("/fhir/r4");
});
const database = provideTestDatabaseClient({
  environment: () => ({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, FHIR_ENDPOINT_URL: server.url, FHIR_ENDPOINT_TOKEN: TOKEN, FHIR_EXPORT_BEFORE_ADMISSION: "true", NOTIFY_MAX_ATTEMPTS: "2" }),
  teardown: async () => {
    await worker?.stop();
    await server.stop();
  },
});
// Stopped last, once the helper has closed the mail transport's pooled connections to it.
onTestDatabaseTeardown(() => smtp.stop());

beforeAll(async () => {
  sql = database.sql;
  coordinator = await createStaffMember(sql, { role: "coordinator" });
});

async function fhirRow(id: string) {
  const { rows } = await sql.query<{ status: string; lastError: string | null }>(`SELECT "status", "lastError" FROM "Notification" WHERE "kind" = 'FHIR_EXPORT' AND "inquiryId" = $1`, [id]);
  return rows[0];
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it("POSTs a validated transaction Bundle with the bearer token, once, and audits the send", async () => {
  const id = await inquiryIdOf(sql, await submitTestInquiry());
  await recordEhrDisclosureConsent({ actor: coordinator, inquiryId: id, granted: true, recipient: "Lakeside (Epic)", includeReferrer: false });
  await exportFhirBundle({ actor: coordinator, inquiryId: id, send: true });
  worker = runOutboxWorker();
  const [request] = await server.waitFor(1);
  await eventually(async () => (await fhirRow(id))?.status === "SENT");
  expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  expect(request?.headers["content-type"]).toBe("application/fhir+json");
  const bundle = JSON.parse(request?.body ?? "{}") as { type: string; entry: { request: { method: string; url: string } }[] };
  expect(bundle.type).toBe("transaction");
  expect(bundle.entry.every((e) => e.request.method === "POST")).toBe(true);
  expect(server.received).toHaveLength(1);
  const { rows } = await sql.query(`SELECT "metadata"->>'destination' AS d FROM "AuditEvent" WHERE "action" = 'inquiry.fhir_exported' AND "inquiryId" = $1`, [id]);
  expect(rows).toEqual([{ d: "fhir-endpoint" }]);
});

it("does not send when the consent is withdrawn before delivery", async () => {
  await worker?.stop();
  const before = server.received.length;
  const id = await inquiryIdOf(sql, await submitTestInquiry());
  await recordEhrDisclosureConsent({ actor: coordinator, inquiryId: id, granted: true, recipient: "Lakeside (Epic)", includeReferrer: false });
  await exportFhirBundle({ actor: coordinator, inquiryId: id, send: true });
  await recordEhrDisclosureConsent({ actor: coordinator, inquiryId: id, granted: false, recipient: "Lakeside (Epic)", includeReferrer: false });
  worker = runOutboxWorker();
  await eventually(async () => (await fhirRow(id))?.status === "FAILED");
  expect(await fhirRow(id)).toEqual({ status: "FAILED", lastError: "consent or stage no longer allows it" });
  expect(server.received.length).toBe(before);
});
