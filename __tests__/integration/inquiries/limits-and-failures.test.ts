import { Client } from "pg";
import { disconnectDb } from "@/lib/db/client";
import { setAppEnvironment } from "@/__tests__/support/app-environment";
import { freshFormToken, postInquiry } from "@/__tests__/support/inquiry-api";
import { onTestDatabaseTeardown, provideTestDatabase } from "@/__tests__/support/test-database";
import { validInquiry } from "@/__tests__/support/valid-inquiry";

const database = provideTestDatabase();
let sql: Client;

beforeAll(async () => {
  setAppEnvironment({ MAIL_SINK_DIR: "/tmp/iop-test-mail-unused", RATE_LIMIT_IP_MAX: "3", RATE_LIMIT_GLOBAL_MAX: "6" });
  // As the owner: one test adds a constraint to AuditEvent, which the app's role may not.
  sql = new Client({ connectionString: database.ownerUrl });
  await sql.connect();
});

onTestDatabaseTeardown(async () => {
  await sql.end();
  await disconnectDb();
});

async function counts() {
  const { rows } = await sql.query(
    `SELECT (SELECT count(*) FROM "Inquiry")::int AS inquiries, (SELECT count(*) FROM "Notification")::int AS notifications,
            (SELECT count(*) FROM "ConsentRecord")::int AS consents, (SELECT count(*) FROM "AuditEvent")::int AS audits`,
  );
  return rows[0] as { inquiries: number; notifications: number; consents: number; audits: number };
}

describe("rate limits", () => {
  it("answer 429 with a retry time past the per-address limit and store nothing more", async () => {
    const ip = "192.0.2.10";
    for (let i = 0; i < 3; i += 1) {
      expect((await postInquiry(validInquiry({ phone: `212-555-020${i}` }), { ip })).status).toBe(201);
    }
    const before = await counts();
    const refused = await postInquiry(validInquiry({ phone: "212-555-0209" }), { ip });
    expect(refused.status).toBe(429);
    expect(Number(refused.json.status)).toBe(429);
    expect(String(refused.json.detail)).toMatch(/Try again in \d+ seconds/);
    expect(await counts()).toEqual(before);
  });

  it("still answer a retry of an already stored submission from a limited address", async () => {
    const ip = "192.0.2.10";
    const formToken = freshFormToken();
    await sql.query(`DELETE FROM "RateLimitBucket"`);
    const first = await postInquiry(validInquiry({ phone: "212-555-0300" }), { ip, formToken });
    await postInquiry(validInquiry({ phone: "212-555-0301" }), { ip });
    await postInquiry(validInquiry({ phone: "212-555-0302" }), { ip });
    const retry = await postInquiry(validInquiry({ phone: "212-555-0300" }), { ip, formToken });
    expect(retry).toEqual(first);
  });

  it("share one global limit across addresses", async () => {
    await sql.query(`DELETE FROM "RateLimitBucket"`);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      statuses.push((await postInquiry(validInquiry({ phone: `212-555-04${String(i).padStart(2, "0")}` }), { ip: `198.51.100.${i + 20}` })).status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 201, 429, 429]);
  });
});

describe("database failures", () => {
  it("write nothing at all when any part of the transaction fails", async () => {
    await sql.query(`DELETE FROM "RateLimitBucket"`);
    // Make the last write of the transaction, the audit event, fail.
    await sql.query(`ALTER TABLE "AuditEvent" ADD CONSTRAINT test_refuse_all CHECK (false) NOT VALID`);
    const before = await counts();
    try {
      const response = await postInquiry(validInquiry({ phone: "212-555-0500" }), { ip: "192.0.2.77" });
      expect(response.status).toBe(503);
      expect(response.json).toMatchObject({ status: 503, phone: "+1-555-0100" });
      expect(String(response.json.detail)).toContain("+1-555-0100");
      // Honest either way: the connection may have died after COMMIT.
      expect(String(response.json.detail)).not.toMatch(/not stored|not saved/i);
      expect(String(response.json.detail)).toMatch(/could not confirm.*safe/i);
      expect(JSON.stringify(response.json)).not.toMatch(/constraint|AuditEvent|prisma|postgres|at \w+ \(/i);
    } finally {
      await sql.query(`ALTER TABLE "AuditEvent" DROP CONSTRAINT test_refuse_all`);
    }
    expect(await counts()).toEqual(before);
  });

  it("answer 503 with the clinic's phone number when the database cannot be reached", async () => {
    const url = new URL(database.url);
    url.port = "1";
    await disconnectDb();
    const original = process.env.DATABASE_URL;
    jest.resetModules();
    process.env.DATABASE_URL = url.toString();
    try {
      const { POST } = await import("@/app/api/v1/inquiries/route");
      const { issueFormToken } = await import("@/lib/security/form-token");
      const { appSecret } = await import("@/lib/security/secrets");
      const response = await POST(
        new Request("http://localhost:3000/api/v1/inquiries", {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": "192.0.2.99" },
          body: JSON.stringify({ formToken: issueFormToken({ secret: appSecret() }), inquiry: validInquiry() }),
        }),
      );
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("30");
      const body = (await response.json()) as Record<string, unknown>;
      expect(String(body.detail)).toContain("+1-555-0100");
      expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|postgres|prisma/i);
      const { disconnectDb: disconnectBroken } = await import("@/lib/db/client");
      await disconnectBroken();
    } finally {
      process.env.DATABASE_URL = original;
    }
  });
});
