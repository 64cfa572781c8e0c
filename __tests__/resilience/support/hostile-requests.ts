import fc from "fast-check";
import { InquirySchema } from "@/lib/validations/inquiry";
import { validInquiry } from "../../support/valid-inquiry";

/** Stands for "a genuine form token, minted when the request is sent". */
export const VALID_TOKEN = "<valid form token>";

export type HostileRequest = {
  kind: string;
  body: string | Uint8Array;
  contentType: string | undefined;
  headers: Record<string, string>;
  /** Whether the server may answer 201: a genuine token, an empty honeypot and answers the schema accepts. */
  mayBeAccepted: boolean;
};

// Look-alikes, invisible and direction-changing characters, markup, SQL,
// template and path syntax, header injection, non-ASCII digits, very long input.
const NASTY_STRINGS = [
  "", " ", "\u0000", "\u0000\u0000admin", "\u200b", "\u200d", "\ufeff", "\u202eevil\u202c", "\u2066x\u2069", "\u00ad",
  "Zеphyrine", "ΖΕΡΗΥRΙΝΕ", "İstanbul", "ß", "ﬁ", "e\u0301", "\u1100\u1161\u11a8", "👩‍👩‍👧‍👦", "\ud800", "\udfff", "\ud83d",
  "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "'; DROP TABLE \"Inquiry\"; --",
  "' OR '1'='1", "%27%20OR%201=1", "${7*7}", "{{7*7}}", "#{7*7}", "../../../../etc/passwd", "\r\nX-Injected: 1",
  "１２１２５５５０１４２", "٢١٢٥٥٥٠١٤٢", "+1 (212) 555-0142\u202e", "(212) 555-0142 ext. 7", "+0 000 000 0000", "NaN", "-0",
  "A".repeat(61), "A".repeat(1001), "x".repeat(5000), "\t\n\r", "\u2028\u2029", "\u0085", "\u001b[31mred", "null", "undefined", "true",
];

const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "__defineGetter__"];
const FIELDS = Object.keys(validInquiry());

const nastyString = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 80 }),
  fc.string({ unit: fc.constantFrom("\u0000", "\u0007", "\u001f", "\u007f", "\u0085", "\u009f", "\u202e", "a", " ", "\n"), maxLength: 20 }),
);
const wrongTyped = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(0, -0, 1e308, -1e308, 2 ** 53 + 1, true, false, null, [], {}, [[[]]], { length: 1e9 }),
);
const hostileValue = fc.oneof({ weight: 3, arbitrary: nastyString }, { weight: 2, arbitrary: wrongTyped });

/** An object with `key` as an own enumerable property, even for "__proto__", so JSON.stringify writes it. */
function withOwn(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

function rarely<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
}

const mutatedInquiry = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...FIELDS), fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 12 })), fc.option(hostileValue)), { minLength: 1, maxLength: 4 })
  .map((changes) => {
    const inquiry: Record<string, unknown> = { ...validInquiry() };
    for (const [key, value] of changes) {
      if (value === null && FIELDS.includes(key)) delete inquiry[key];
      else withOwn(inquiry, key, value);
    }
    return inquiry;
  });

const envelope = fc
  .record(
    {
      formToken: fc.oneof({ weight: 4, arbitrary: fc.constant<unknown>(VALID_TOKEN) }, { weight: 1, arbitrary: fc.oneof(hostileValue, fc.constantFrom("1.a.b", `${Date.now() + 3_600_000}.x.y`, "9".repeat(200))) }),
      inquiry: fc.oneof({ weight: 4, arbitrary: mutatedInquiry }, { weight: 1, arbitrary: fc.constant<unknown>(validInquiry()) }, { weight: 1, arbitrary: wrongTyped }),
      // Mostly absent or valid, so most requests get past the envelope to the answers' schema.
      website: rarely(fc.oneof(fc.constant(""), nastyString)),
      locale: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(undefined, "en", "es") }, { weight: 1, arbitrary: nastyString }),
      extra: rarely(fc.tuple(fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 12 })), hostileValue)),
    },
    { requiredKeys: ["formToken", "inquiry"] },
  )
  .map(({ extra, ...fields }) => {
    const body: Record<string, unknown> = { ...fields };
    for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
    if (extra) withOwn(body, extra[0], extra[1]);
    return body;
  });

// Deep nesting within the 16 kB body limit: JSON.parse and the schema must cope.
const deepNesting = fc.tuple(fc.integer({ min: 50, max: 1100 }), fc.constantFrom("array", "object", "inquiry")).map(([depth, shape]) => {
  if (shape === "array") return `${"[".repeat(depth * 6)}${"]".repeat(depth * 6)}`;
  if (shape === "object") return `${'{"a":'.repeat(depth * 2)}1${"}".repeat(depth * 2)}`;
  return `{"formToken":"${VALID_TOKEN}","inquiry":${'{"firstName":'.repeat(depth)}"x"${"}".repeat(depth)}}`;
});

const garbage = fc.oneof(
  fc.constantFrom("", "null", "[]", "{", '{"formToken":', "1e999999", '"\\ud800"', "\ufeff{}", "{}".repeat(3), "NaN", "undefined"),
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.uint8Array({ maxLength: 300 }),
);

const contentType = fc.oneof(
  { weight: 8, arbitrary: fc.constant<string | undefined>("application/json") },
  { weight: 1, arbitrary: fc.constantFrom<string | undefined>(undefined, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "APPLICATION/JSON; charset=utf-8", "application/json-patch+json", "") },
);

const headers = fc.record(
  {
    "x-forwarded-for": fc.string({ unit: fc.constantFrom(..."0123456789abcdef.:, ;x"), maxLength: 200 }),
    "user-agent": fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 600 }),
  },
  { requiredKeys: [] },
);

function mayBeAccepted(body: Record<string, unknown>): boolean {
  return body.formToken === VALID_TOKEN && (body.website === undefined || body.website === "") && InquirySchema.safeParse(body.inquiry).success;
}

/** One generated request to POST /api/v1/inquiries, of every kind a hostile client could send. */
export const hostileRequest: fc.Arbitrary<HostileRequest> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(envelope, contentType, headers).map(([body, type, extra]) => ({ kind: "envelope", body: JSON.stringify(body), contentType: type, headers: extra, mayBeAccepted: mayBeAccepted(body) })) },
  { weight: 2, arbitrary: fc.tuple(fc.jsonValue({ maxDepth: 5 }), headers).map(([value, extra]) => ({ kind: "any JSON", body: JSON.stringify(value) ?? "null", contentType: "application/json", headers: extra, mayBeAccepted: false })) },
  { weight: 1, arbitrary: garbage.map((body) => ({ kind: "garbage", body, contentType: "application/json", headers: {}, mayBeAccepted: false })) },
  { weight: 1, arbitrary: deepNesting.map((body) => ({ kind: "deep nesting", body, contentType: "application/json", headers: {}, mayBeAccepted: false })) },
  { weight: 1, arbitrary: fc.integer({ min: 16 * 1024 + 1, max: 64 * 1024 }).map((size) => ({ kind: "oversized", body: JSON.stringify({ formToken: VALID_TOKEN, inquiry: { message: "x".repeat(size) } }), contentType: "application/json", headers: {}, mayBeAccepted: false })) },
);
