import type { Client } from "pg";
import { GET as live } from "@/app/api/health/live/route";
import { GET as ready } from "@/app/api/health/ready/route";
import { GET as metrics } from "@/app/api/metrics/route";
import { postInquiry } from "@/__tests__/support/inquiry-api";
import { provideTestDatabaseClient } from "@/__tests__/support/test-database-client";
import { PERSONAL_VALUES, validInquiry } from "@/__tests__/support/valid-inquiry";

// Health and metrics against a real database as the runtime role.
const TOKEN = "metrics-token-for-the-test-0123456789";
// No worker runs in this file: the SMTP server is never contacted.
const database = provideTestDatabaseClient({ environment: { SMTP_URL: "smtp://127.0.0.1:2525", METRICS_TOKEN: TOKEN, READY_OUTBOX_MAX_AGE_SECONDS: "600", READY_OUTBOX_MAX_FAILED: "0" }, connectAs: "owner" });
let sql: Client;

beforeAll(() => {
  sql = database.sql;
});

const scrape = (authorization?: string) =>
  metrics(new Request("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }));

it("live answers without touching the database", async () => {
  const response = live();
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: "live" });
});

it("ready is 200 on a migrated database with a moving outbox, 503 when the outbox is stuck, and names nobody", async () => {
  const fresh = await ready();
  expect(fresh.status).toBe(200);
  expect(await fresh.json()).toMatchObject({ status: "ready", database: "ok", migrations: { status: "current", pending: 0 }, outbox: { status: "ok", failed: 0 } });

  const posted = await postInquiry(validInquiry({ phone: "212-555-0801" }));
  expect(posted.status).toBe(201);
  // Its email has waited 20 minutes (no worker runs here): past the 10-minute threshold.
  await sql.query(`UPDATE "Notification" SET "createdAt" = now() - interval '20 minutes'`);
  const stuck = await ready();
  expect(stuck.status).toBe(503);
  const body = JSON.stringify(await stuck.json());
  expect(JSON.parse(body)).toMatchObject({ status: "not_ready", outbox: { status: "stuck", pending: 1 } });
  for (const value of [...PERSONAL_VALUES, String(posted.json.referenceCode)]) expect(body.toLowerCase()).not.toContain(value.toLowerCase());

  // A notification that gave up also makes it not ready (READY_OUTBOX_MAX_FAILED=0).
  await sql.query(`UPDATE "Notification" SET "createdAt" = now(), status = 'FAILED'`);
  const failed = await ready();
  expect(failed.status).toBe(503);
  expect(await failed.json()).toMatchObject({ outbox: { status: "stuck", failed: 1, pending: 0 } });
  await sql.query(`DELETE FROM "Notification"`);
});

it("ready is 503 when a migration this build ships is not applied", async () => {
  const { rows } = await sql.query<{ name: string }>(`SELECT migration_name AS name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`);
  await sql.query(`UPDATE _prisma_migrations SET migration_name = migration_name || '_renamed' WHERE migration_name = $1`, [rows[0]?.name]);
  try {
    const response = await ready();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ migrations: { status: "pending", pending: 1 } });
  } finally {
    await sql.query(`UPDATE _prisma_migrations SET migration_name = $1 WHERE migration_name = $1 || '_renamed'`, [rows[0]?.name]);
  }
});

it("metrics need the bearer token, and count submissions by outcome without personal data", async () => {
  expect((await scrape()).status).toBe(401);
  expect((await scrape(`Bearer ${TOKEN}x`)).status).toBe(401);
  expect((await scrape(`Basic ${TOKEN}`)).status).toBe(401);

  const accepted = await postInquiry(validInquiry({ phone: "212-555-0802" }));
  expect(accepted.status).toBe(201);
  expect((await postInquiry(validInquiry({ phone: "212-555-0803", email: "not-an-email" }))).status).toBe(422);

  const response = await scrape(`Bearer ${TOKEN}`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/plain");
  const text = await response.text();
  expect(text).toMatch(/iop_inquiry_submissions_total\{outcome="accepted",reason="none"\} [1-9]/);
  expect(text).toMatch(/iop_inquiry_submissions_total\{outcome="refused",reason="invalid"\} [1-9]/);
  expect(text).toMatch(/iop_inquiry_submission_seconds_count\{outcome="accepted"\} [1-9]/);
  expect(text).toMatch(/^iop_outbox_pending [1-9]/m);
  expect(text).toMatch(/^iop_database_up 1$/m);
  for (const value of [...PERSONAL_VALUES, String(accepted.json.referenceCode), "203.0.113.7"]) {
    expect(text.toLowerCase()).not.toContain(value.toLowerCase());
  }
});
