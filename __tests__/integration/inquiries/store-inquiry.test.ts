import { randomUUID } from "node:crypto";
import { Client } from "pg";
import { getDb, getPool } from "@/lib/db/client";
import { storeInquiry } from "@/lib/inquiries/store-inquiry";
import { OUTBOX_CHANNEL } from "@/lib/notifications/outbox-channel";
import { InquirySchema } from "@/lib/validations/inquiry";
import { provideTestDatabaseClient } from "@/__tests__/support/test-database-client";
import { validInquiry } from "@/__tests__/support/valid-inquiry";

// The reference code is random; these tests need to make it collide.
const mockDrawnCodes: string[] = [];
jest.mock("@/lib/inquiries/reference-code", () => {
  const actual = jest.requireActual<typeof import("@/lib/inquiries/reference-code")>("@/lib/inquiries/reference-code");
  return { ...actual, generateReferenceCode: () => mockDrawnCodes.shift() ?? actual.generateReferenceCode() };
});

const database = provideTestDatabaseClient();

const limits = (ipMax = 100, globalMax = 100) => ({
  ip: { key: "submit:ip:test", max: ipMax, windowSeconds: 3600 },
  global: { key: "submit:global", max: globalMax, windowSeconds: 60 },
});

type StoreOptions = {
  key?: string;
  phone?: string;
  ipMax?: number;
  globalMax?: number;
  nonce?: string;
  challenge?: string;
};

function store(options: StoreOptions = {}) {
  return storeInquiry({
    pool: getPool(),
    db: getDb(),
    inquiry: InquirySchema.parse(validInquiry({ phone: options.phone ?? "212-555-0142" })),
    idempotencyKey: options.key ?? randomUUID().replace(/-/g, ""),
    locale: "en",
    request: { ipHash: "a".repeat(64), userAgent: "jest" },
    limits: limits(options.ipMax, options.globalMax),
    formToken: { nonce: options.nonce ?? randomUUID(), expiresAt: new Date(Date.now() + 86_400_000) },
    solvedChallenge: options.challenge ? { signature: options.challenge, expiresAt: new Date(Date.now() + 600_000) } : null,
  });
}

async function inquiryCount(): Promise<number> {
  return ((await database.sql.query(`SELECT count(*)::int AS n FROM "Inquiry"`)).rows[0] as { n: number }).n;
}

async function points(): Promise<Record<string, number>> {
  const { rows } = await database.sql.query<{ key: string; points: number }>(`SELECT key, points FROM "RateLimitBucket"`);
  return Object.fromEntries(rows.map((r) => [r.key, r.points]));
}

beforeEach(async () => {
  await database.sql.query(`DELETE FROM "RateLimitBucket"`);
  mockDrawnCodes.length = 0;
});

it("stores the row, six consents, one outbox row and one audit event, and wakes listeners at commit", async () => {
  const listener = new Client({ connectionString: database.url });
  await listener.connect();
  const woken = new Promise<string>((resolve) => listener.on("notification", (n) => resolve(n.channel)));
  await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
  try {
    const outcome = await store();
    expect(outcome.kind).toBe("created");
    if (outcome.kind !== "created") return;
    const { rows } = await database.sql.query(
      `SELECT (SELECT count(*) FROM "ConsentRecord" WHERE "inquiryId" = $1)::int AS consents,
              (SELECT count(*) FROM "Notification" WHERE "inquiryId" = $1 AND status = 'PENDING')::int AS notifications,
              (SELECT json_agg(json_build_object('action', action, 'actor', "actorType", 'ipHash', "ipHash", 'ua', "userAgent", 'metadata', metadata))
                 FROM "AuditEvent" WHERE "inquiryId" = $1) AS audit,
              (SELECT json_agg(json_build_object('ipHash', "ipHash", 'ua', "userAgent")) FROM "SubmissionTrace" WHERE "inquiryId" = $1) AS trace,
              (SELECT "referenceCode" FROM "Inquiry" WHERE id = $1) AS code`,
      [outcome.id],
    );
    expect(rows[0]).toEqual({
      consents: 6,
      notifications: 1,
      audit: [{ action: "inquiry.created", actor: "PUBLIC", ipHash: null, ua: null, metadata: { urgency: "ROUTINE" } }],
      trace: [{ ipHash: "a".repeat(64), ua: "jest" }],
      code: outcome.referenceCode,
    });
    await expect(woken).resolves.toBe(OUTBOX_CHANNEL);
  } finally {
    await listener.end();
  }
});

it("answers a stored key from its row without spending rate-limit points", async () => {
  const first = await store({ key: "k".repeat(64) });
  const before = await points();
  const again = await store({ key: "k".repeat(64), ipMax: 1, globalMax: 1 });
  expect(again).toEqual({ kind: "replayed", referenceCode: first.kind === "created" ? first.referenceCode : "?" });
  expect(await points()).toEqual(before);
});

it("asks for a proof of work past the network threshold without spending a global point, and stores nothing", async () => {
  await store({ ipMax: 1 });
  const before = await inquiryCount();
  const asked = await store({ ipMax: 1 });
  expect(asked).toEqual({ kind: "challenge_required", load: { network: { points: 2, threshold: 1 }, global: { points: null, threshold: 100 } } });
  expect(await points()).toEqual({ "submit:ip:test": 2, "submit:global": 1 });
  expect(await inquiryCount()).toBe(before);
});

it("asks for a proof of work past the global threshold", async () => {
  await store({ globalMax: 1 });
  const asked = await store({ globalMax: 1 });
  expect(asked).toMatchObject({ kind: "challenge_required", load: { global: { points: 2, threshold: 1 } } });
});

it("never refuses a solved challenge past either threshold, and marks what it stored", async () => {
  await store({ ipMax: 0, globalMax: 0, challenge: "c1".repeat(32) });
  const solvedPastGlobal = await store({ globalMax: 0, challenge: "c2".repeat(32) });
  const solvedPastBoth = await store({ ipMax: 0, globalMax: 0, challenge: "c3".repeat(32) });
  expect(solvedPastGlobal.kind).toBe("created");
  expect(solvedPastBoth.kind).toBe("created");
  const calm = await store();
  const { rows } = await database.sql.query<{ referenceCode: string; submittedUnderChallenge: boolean }>(
    `SELECT "referenceCode", "submittedUnderChallenge" FROM "Inquiry" WHERE "referenceCode" = ANY($1)`,
    [[solvedPastGlobal, solvedPastBoth, calm].map((o) => (o.kind === "created" ? o.referenceCode : ""))],
  );
  const marks = Object.fromEntries(rows.map((r) => [r.referenceCode, r.submittedUnderChallenge]));
  expect([solvedPastGlobal, solvedPastBoth, calm].map((o) => (o.kind === "created" ? marks[o.referenceCode] : "missing"))).toEqual([true, true, false]);
});

it("refuses a solved challenge used a second time, past a threshold", async () => {
  const signature = "d".repeat(64);
  expect((await store({ ipMax: 0, challenge: signature })).kind).toBe("created");
  const before = await inquiryCount();
  expect(await store({ ipMax: 0, challenge: signature })).toEqual({ kind: "challenge_replayed" });
  expect(await inquiryCount()).toBe(before);
});

it("spends a form token on a stored submission: other answers with it are refused, the same answers get the stored code", async () => {
  const nonce = randomUUID();
  const first = await store({ nonce, key: "f".repeat(64) });
  if (first.kind !== "created") throw new Error(first.kind);
  expect(await store({ nonce, key: "g".repeat(64), phone: "212-555-0199" })).toEqual({ kind: "token_reused" });
  expect(await store({ nonce, key: "f".repeat(64) })).toEqual({ kind: "replayed", referenceCode: first.referenceCode });
  const { rows } = await database.sql.query(`SELECT "expiresAt" > now() + interval '23 hours' AS "keptADay" FROM "SpentToken" WHERE key = $1`, [`form:${nonce}`]);
  expect(rows).toEqual([{ keptADay: true }]);
});

it("does not spend a form token on a submission that was asked for a proof of work", async () => {
  const nonce = randomUUID();
  expect((await store({ nonce, ipMax: 0 })).kind).toBe("challenge_required");
  expect((await store({ nonce, ipMax: 0, challenge: "e".repeat(64) })).kind).toBe("created");
});

it("draws another reference code after a collision, and the failed attempt leaves no trace", async () => {
  const taken = await store();
  if (taken.kind !== "created") throw new Error("not created");
  mockDrawnCodes.push(taken.referenceCode, taken.referenceCode, "WXYZ-3467");
  const before = await points();
  const second = await store({ phone: "212-555-0143" });
  expect(second).toMatchObject({ kind: "created", referenceCode: "WXYZ-3467" });
  // Two failed attempts rolled back with their points: only the third counted.
  expect(await points()).toEqual({ "submit:ip:test": (before["submit:ip:test"] ?? 0) + 1, "submit:global": (before["submit:global"] ?? 0) + 1 });
});

it("answers with a concurrent twin's reference code when the twin commits first", async () => {
  const key = "t".repeat(64);
  const twin = new Client({ connectionString: database.url });
  await twin.connect();
  try {
    await twin.query("BEGIN");
    await twin.query(
      `INSERT INTO "Inquiry" (id, "referenceCode", "idempotencyKey", "requesterType", locale, "preferredLanguage", "preferredContactMethod", "firstNameEnc")
       VALUES ($1, 'TWIN-CDEF', $2, 'SELF', 'en', 'en', 'PHONE', 'v1.x.y.z')`,
      [randomUUID(), key],
    );
    // Blocks on the uncommitted twin (ON CONFLICT waits for it), then must
    // read the twin's row, which its own snapshot cannot see.
    const pending = store({ key });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await twin.query("COMMIT");
    await expect(pending).resolves.toEqual({ kind: "replayed", referenceCode: "TWIN-CDEF" });
  } finally {
    await twin.end();
  }
  const { rows } = await database.sql.query(`SELECT count(*)::int AS n FROM "Inquiry" WHERE "idempotencyKey" = $1`, [key]);
  expect(rows[0]).toEqual({ n: 1 });
});
