import type { Client } from "pg";
import { disconnectDb } from "@/lib/db/client";
import { metricsRegistry } from "@/lib/metrics/registry";
import { POST as mintFormToken } from "@/app/api/v1/form-tokens/route";
import { freshFormToken, postInquiry } from "@/__tests__/support/inquiry-api";
import { solveChallengeFrom } from "@/__tests__/support/solve-challenge";
import { provideTestDatabaseClient } from "@/__tests__/support/test-database-client";
import { validInquiry } from "@/__tests__/support/valid-inquiry";

// As the owner: one test adds a constraint to AuditEvent, which the app's role may not.
const database = provideTestDatabaseClient({ environment: { RATE_LIMIT_IP_MAX: "3", RATE_LIMIT_GLOBAL_MAX: "6", CHALLENGE_BASE_COST: "1000", CHALLENGE_MAX_COST: "4000", FORM_TOKEN_MINT_MAX: "3", FORM_MIN_FILL_SECONDS: "0" }, connectAs: "owner" });
let sql: Client;

beforeAll(() => {
  sql = database.sql;
});

async function counts() {
  const { rows } = await sql.query(
    `SELECT (SELECT count(*) FROM "Inquiry")::int AS inquiries, (SELECT count(*) FROM "Notification")::int AS notifications,
            (SELECT count(*) FROM "ConsentRecord")::int AS consents, (SELECT count(*) FROM "AuditEvent")::int AS audits`,
  );
  return rows[0] as { inquiries: number; notifications: number; consents: number; audits: number };
}

describe("thresholds ask for a proof of work instead of refusing", () => {
  beforeEach(() => sql.query(`DELETE FROM "RateLimitBucket"`));

  it("past the network threshold: 428 with a signed, expiring challenge; the solved resubmission is stored, marked", async () => {
    const ip = "192.0.2.10";
    for (let i = 0; i < 3; i += 1) {
      expect((await postInquiry(validInquiry({ phone: `212-555-020${i}` }), { ip })).status).toBe(201);
    }
    const before = await counts();
    const formToken = freshFormToken();
    const answers = validInquiry({ phone: "212-555-0209" });
    const asked = await postInquiry(answers, { ip, formToken });
    expect(asked.status).toBe(428);
    const challenge = asked.json.challenge as { maxnumber: number; salt: string; signature: string };
    expect(challenge.maxnumber).toBeGreaterThanOrEqual(1000);
    expect(challenge.salt).toMatch(/\?expires=\d+/);
    expect(await counts()).toEqual(before);
    const altcha = await solveChallengeFrom(asked.json);
    const accepted = await postInquiry(answers, { ip, formToken, altcha });
    expect(accepted.status).toBe(201);
    const { rows } = await sql.query(`SELECT "submittedUnderChallenge" FROM "Inquiry" WHERE "referenceCode" = $1`, [accepted.json.referenceCode]);
    expect(rows).toEqual([{ submittedUnderChallenge: true }]);
    // A retry of the same answers still gets the stored reference.
    expect(await postInquiry(answers, { ip, formToken, altcha })).toEqual(accepted);
  });

  it("counts every address of a /24 and of a /64 as one network", async () => {
    for (const [i, ip] of ["192.0.2.1", "192.0.2.2", "192.0.2.3"].entries()) {
      expect((await postInquiry(validInquiry({ phone: `212-555-031${i}` }), { ip })).status).toBe(201);
    }
    expect((await postInquiry(validInquiry({ phone: "212-555-0319" }), { ip: "192.0.2.200" })).status).toBe(428);
    await sql.query(`DELETE FROM "RateLimitBucket"`);
    for (const [i, ip] of ["2001:db8:5:6::1", "2001:db8:5:6::2", "2001:db8:5:6:ffff::3"].entries()) {
      expect((await postInquiry(validInquiry({ phone: `212-555-032${i}` }), { ip })).status).toBe(201);
    }
    expect((await postInquiry(validInquiry({ phone: "212-555-0329" }), { ip: "2001:db8:5:6:abcd::9" })).status).toBe(428);
    expect((await postInquiry(validInquiry({ phone: "212-555-0328" }), { ip: "2001:db8:5:7::9" })).status).toBe(201);
  });

  it("still answers a retry of an already stored submission from a network past its threshold", async () => {
    const ip = "192.0.2.10";
    const formToken = freshFormToken();
    const first = await postInquiry(validInquiry({ phone: "212-555-0300" }), { ip, formToken });
    for (let i = 1; i <= 3; i += 1) await postInquiry(validInquiry({ phone: `212-555-030${i}` }), { ip });
    const retry = await postInquiry(validInquiry({ phone: "212-555-0300" }), { ip, formToken });
    expect(retry).toEqual(first);
  });

  it("past the global threshold asks everyone, and never refuses a solved challenge", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const answers = validInquiry({ phone: `212-555-04${String(i).padStart(2, "0")}` });
      const ip = `198.51.${100 + i}.20`;
      const formToken = freshFormToken();
      let response = await postInquiry(answers, { ip, formToken });
      if (response.status === 428) response = await postInquiry(answers, { ip, formToken, altcha: await solveChallengeFrom(response.json) });
      statuses.push(response.status);
    }
    expect(statuses).toEqual(Array(10).fill(201));
    const { rows } = await sql.query(`SELECT "submittedUnderChallenge" AS c, count(*)::int AS n FROM "Inquiry" WHERE "phoneHash" IS NOT NULL GROUP BY 1 ORDER BY 1`);
    expect(rows.find((r: { c: boolean }) => r.c)?.n).toBeGreaterThanOrEqual(4);
  });

  it("refuses a replayed or forged solution the same way as every other trap", async () => {
    const ip = "192.0.2.50";
    for (let i = 0; i < 3; i += 1) await postInquiry(validInquiry({ phone: `212-555-050${i}` }), { ip });
    const asked = await postInquiry(validInquiry({ phone: "212-555-0510" }), { ip });
    const altcha = await solveChallengeFrom(asked.json);
    expect((await postInquiry(validInquiry({ phone: "212-555-0510" }), { ip, altcha })).status).toBe(201);
    const replayed = await postInquiry(validInquiry({ phone: "212-555-0511" }), { ip, altcha });
    const honeypot = await postInquiry(validInquiry({ phone: "212-555-0512" }), { website: "http://spam.example" });
    const forgedToken = await postInquiry(validInquiry({ phone: "212-555-0513" }), { formToken: "1700000000000.abc.def" });
    for (const refused of [replayed, honeypot, forgedToken]) {
      expect(refused).toEqual({ status: 400, json: { type: "about:blank", title: "Submission refused", status: 400 } });
    }
    // A solution whose number is wrong is no solution: asked again, afresh.
    const decoded = JSON.parse(Buffer.from(altcha, "base64").toString()) as { number: number };
    const wrong = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(altcha, "base64").toString()), number: decoded.number + 1 })).toString("base64");
    expect((await postInquiry(validInquiry({ phone: "212-555-0514" }), { ip, altcha: wrong })).status).toBe(428);
  });

  it("counts thresholds, challenges and refusals in metrics with closed labels and no address", async () => {
    const text = await metricsRegistry.metrics();
    expect(text).toMatch(/iop_challenge_events_total\{event="issued"\} [1-9]/);
    expect(text).toMatch(/iop_challenge_events_total\{event="solved"\} [1-9]/);
    expect(text).toMatch(/iop_challenge_events_total\{event="replayed"\} [1-9]/);
    expect(text).toMatch(/iop_challenge_events_total\{event="failed"\} [1-9]/);
    expect(text).toMatch(/iop_rate_limit_events_total\{scope="network"\} [1-9]/);
    expect(text).toMatch(/iop_rate_limit_events_total\{scope="global"\} [1-9]/);
    expect(text).toMatch(/iop_submissions_refused_total\{reason="honeypot"\} [1-9]/);
    expect(text).not.toMatch(/192\.0\.2|198\.51|2001:db8/);
  });

  it("throttles form-token minting per network", async () => {
    const mint = (ip: string) => mintFormToken(new Request("http://localhost:3000/api/v1/form-tokens", { method: "POST", headers: { "x-forwarded-for": ip } }));
    const statuses = [];
    for (const ip of ["203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4"]) statuses.push((await mint(ip)).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const refused = await mint("203.0.113.9");
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await mint("203.0.114.1")).status).toBe(201);
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
