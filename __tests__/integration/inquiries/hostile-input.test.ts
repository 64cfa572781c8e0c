import fc from "fast-check";
import type { Client } from "pg";
import { postInquiry } from "@/__tests__/support/inquiry-api";
import { provideTestDatabaseClient } from "@/__tests__/support/test-database-client";
import { validInquiry } from "@/__tests__/support/valid-inquiry";

const database = provideTestDatabaseClient({ environment: { RATE_LIMIT_IP_MAX: "100000", RATE_LIMIT_GLOBAL_MAX: "100000" } });
let sql: Client;

beforeAll(() => {
  sql = database.sql;
});

async function storedRows(): Promise<number> {
  const { rows } = await sql.query<{ n: string }>(
    `SELECT (SELECT count(*) FROM "Inquiry") + (SELECT count(*) FROM "Notification") + (SELECT count(*) FROM "AuditEvent") AS n`,
  );
  return Number(rows[0]?.n);
}

const TEXT_FIELDS = ["firstName", "referrerName", "referrerRelationship", "phone", "email", "message"] as const;
const BOOLEAN_FIELDS = ["inCrisis", "okToLeaveVoicemail", "okToText", "okToNameProgramme"] as const;
const ENUM_FIELDS = ["requesterType", "personAware", "preferredContactMethod", "preferredLanguage", "heardAbout"] as const;
const REQUIRED_FIELDS = ["requesterType", "firstName", "preferredContactMethod", "preferredLanguage", "consent", "consentTextVersion"] as const;
const KNOWN = new Set(Object.keys(validInquiry()));

const anyText = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 40 }), fc.constantFrom("<script>alert(1)</script>", "'; DROP TABLE \"Inquiry\"; --", "Ｚｅｐｈｙｒｉｎｅ"));
const notAString = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(anyText, { maxLength: 3 }), fc.dictionary(anyText, anyText, { maxKeys: 2 }));
const notABoolean = fc.oneof(anyText, fc.integer(), fc.constant(null), fc.array(fc.boolean(), { maxLength: 2 }));
const invisible = fc.constantFrom("\u0000", "\u0007", "\u001b[31m", "\u202E", "\u2066", "\u009b");

// Every payload is a valid inquiry broken in exactly one way that must be refused.
const mutations: fc.Arbitrary<Record<string, unknown> | unknown>[] = [
  fc.tuple(fc.constantFrom(...TEXT_FIELDS), notAString).map(([field, value]) => ({ ...validInquiry(), [field]: value })),
  fc.tuple(fc.constantFrom(...BOOLEAN_FIELDS, "consent"), notABoolean).map(([field, value]) => ({ ...validInquiry(), [field]: value })),
  fc.tuple(fc.constantFrom(...ENUM_FIELDS), anyText.filter((t) => t.trim() !== "" && !/^[A-Z_]+$|^(en|es)$/.test(t))).map(([field, value]) => ({ ...validInquiry(), [field]: value })),
  fc.tuple(fc.constantFrom("firstName", "referrerName", "referrerRelationship", "message"), fc.integer({ min: 1001, max: 20_000 }), anyText.filter((t) => t.trim() !== "")).map(([field, length, seed]) => ({ ...validInquiry(), [field]: seed.repeat(Math.ceil(length / seed.length)).slice(0, length) + "x".repeat(1001) })),
  fc.tuple(fc.constantFrom("firstName", "referrerName", "referrerRelationship", "message"), invisible).map(([field, bad]) => ({ ...validInquiry(), [field]: `Ana${bad}` })),
  fc.constantFrom(...REQUIRED_FIELDS).map((field) => {
    const copy: Record<string, unknown> = { ...validInquiry() };
    delete copy[field];
    return copy;
  }),
  fc.tuple(fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !KNOWN.has(k) && k !== "__proto__"), anyText).map(([key, value]) => ({ ...validInquiry(), [key]: value })),
  fc.oneof(anyText, fc.integer(), fc.constant(null), fc.array(anyText, { maxLength: 3 })),
  fc.constant({ ...validInquiry(), phone: "", email: "" }),
  fc.constant({ ...validInquiry(), bestTimes: ["EVENING", "EVENING"] }),
  fc.constant({ ...validInquiry(), consentTextVersion: "1999-01-01" }),
];
const malformedInquiry = fc.oneof(...mutations);

describe("hostile and malformed submissions", () => {
  it("rejects 200 generated malformed payloads with field errors, never a 5xx, and stores nothing", async () => {
    const before = await storedRows();
    await fc.assert(
      fc.asyncProperty(malformedInquiry, async (inquiry) => {
        const response = await postInquiry(inquiry);
        // 422 with field errors; 413 when the body itself exceeds the size cap.
        expect([413, 422]).toContain(response.status);
        if (response.status === 422) {
          const errors = [response.json.errors, response.json.formErrors].flat().filter(Boolean);
          expect(errors.length).toBeGreaterThan(0);
        }
        expect(JSON.stringify(response.json)).not.toMatch(/at \w+ \(|stack|prisma|postgres/i);
      }),
      { numRuns: 200 },
    );
    expect(await storedRows()).toBe(before);
  });

  it("refuses malformed envelopes, bodies and cross-site posts with problem details", async () => {
    const before = await storedRows();
    expect((await postInquiry(null, { rawBody: "{not json" })).status).toBe(400);
    expect((await postInquiry(null, { rawBody: JSON.stringify({ inquiry: validInquiry() }) })).status).toBe(400);
    expect((await postInquiry(null, { rawBody: JSON.stringify({ formToken: "x", inquiry: {}, extra: 1 }) })).status).toBe(400);
    expect((await postInquiry(null, { rawBody: JSON.stringify({ formToken: "x".repeat(20_000), inquiry: {} }) })).status).toBe(413);
    const forged = await postInquiry(validInquiry(), { formToken: "1700000000000.abc.def" });
    expect(forged).toMatchObject({ status: 400, json: { title: "Submission refused" } });
    expect(forged.json).not.toHaveProperty("reason");
    const crossSite = await postInquiry(validInquiry(), { origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
    expect(await storedRows()).toBe(before);
  });

  it("stores script tags and SQL metacharacters verbatim (encrypted), never interpreting them", async () => {
    const before = await sql.query(`SELECT count(*)::int AS n FROM "Inquiry"`);
    const response = await postInquiry(validInquiry({ message: "<script>alert(1)</script> '; DROP TABLE \"Inquiry\"; --" }));
    expect(response.status).toBe(201);
    const after = await sql.query(`SELECT count(*)::int AS n FROM "Inquiry"`);
    expect(after.rows[0]).toEqual({ n: Number(before.rows[0]?.n) + 1 });
  });
});
