import { createHmac } from "node:crypto";
import { checkFormToken, issueFormToken } from "@/lib/security/form-token";

const SECRET = Buffer.alloc(32, 11);
const OTHER_SECRET = Buffer.alloc(32, 12);
const T = 1_767_225_600_000; // 2026-01-01T00:00:00Z
const MIN_FILL = 3;

function check(token: unknown, now = T + 10_000, secret = SECRET, minFillSeconds = MIN_FILL) {
  return checkFormToken({ secret, token, minFillSeconds, now });
}

/** Signs an arbitrary payload the way issueFormToken does, to build well-signed odd tokens. */
function signed(payload: string): string {
  return `${payload}.${createHmac("sha256", SECRET).update(`form-token\u0000${payload}`).digest("base64url")}`;
}

function issue(now = T): string {
  return issueFormToken({ secret: SECRET, now });
}

describe("issueFormToken", () => {
  it("writes <issuedAtMs>.<nonce>.<mac>, URL-safe", () => {
    const token = issue();
    const [issued, nonce, mac, ...rest] = token.split(".");
    expect(rest).toEqual([]);
    expect(issued).toBe(String(T));
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{22}$/); // 16 random bytes
    expect(mac).toMatch(/^[A-Za-z0-9_-]{43}$/); // HMAC-SHA256
    expect(encodeURIComponent(token)).toBe(token);
  });

  it("uses a fresh nonce every time, even at the same instant", () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => issue().split(".")[1]));
    expect(nonces.size).toBe(1000);
  });

  it("uses the current time when `now` is not given", () => {
    const before = Date.now();
    const issued = Number(issueFormToken({ secret: SECRET }).split(".")[0]);
    const after = Date.now();
    expect(issued).toBeGreaterThanOrEqual(before);
    expect(issued).toBeLessThanOrEqual(after);
  });
});

describe("checkFormToken", () => {
  it("accepts its own token and returns the nonce and issue time", () => {
    const token = issue();
    expect(check(token)).toEqual({ ok: true, nonce: token.split(".")[1], issuedAt: T, expiresAt: new Date(T + 24 * 3600 * 1000) });
  });

  it("lives one day: a form left open overnight is accepted, one older than a day is expired", () => {
    expect(check(issue(), T + 16 * 3600 * 1000).ok).toBe(true);
    expect(check(issue(), T + 24 * 3600 * 1000).ok).toBe(true);
    expect(check(issue(), T + 24 * 3600 * 1000 + 1)).toEqual({ ok: false, reason: "expired" });
    expect(check(issue(), T + 30 * 24 * 3600 * 1000)).toEqual({ ok: false, reason: "expired" });
  });

  describe("minimum fill time", () => {
    it("rejects a form sent sooner than minFillSeconds as too_fast", () => {
      expect(check(issue(), T)).toEqual({ ok: false, reason: "too_fast" });
      expect(check(issue(), T + MIN_FILL * 1000 - 1)).toEqual({ ok: false, reason: "too_fast" });
    });

    it("accepts a form sent exactly minFillSeconds later", () => {
      expect(check(issue(), T + MIN_FILL * 1000).ok).toBe(true);
    });

    it("honours fractional and zero minimums", () => {
      expect(check(issue(), T + 499, SECRET, 0.5)).toEqual({ ok: false, reason: "too_fast" });
      expect(check(issue(), T + 500, SECRET, 0.5).ok).toBe(true);
      expect(check(issue(), T, SECRET, 0).ok).toBe(true);
    });

    it("treats a token from slightly in the future (clock skew) as too fast, not forged", () => {
      expect(check(issue(T + 60_000), T)).toEqual({ ok: false, reason: "too_fast" });
    });
  });

  describe("malformed tokens", () => {
    const token = issue();
    const [issued = "", nonce = "", mac = ""] = token.split(".");

    it("rejects a token signed with another secret", () => {
      expect(check(token, T + 10_000, OTHER_SECRET)).toEqual({ ok: false, reason: "malformed" });
      expect(check(issueFormToken({ secret: OTHER_SECRET, now: T }))).toEqual({ ok: false, reason: "malformed" });
    });

    it("rejects a back-dated issue time (to dodge the minimum fill time)", () => {
      expect(check(`${T - 60_000}.${nonce}.${mac}`, T + 1000)).toEqual({ ok: false, reason: "malformed" });
    });

    it("rejects a changed nonce (to dodge idempotency)", () => {
      const other = issue().split(".")[1];
      expect(check(`${issued}.${other}.${mac}`)).toEqual({ ok: false, reason: "malformed" });
    });

    it("rejects a changed MAC", () => {
      const flipped = `${mac.slice(0, -1)}${mac.endsWith("A") ? "B" : "A"}`;
      expect(check(`${issued}.${nonce}.${flipped}`)).toEqual({ ok: false, reason: "malformed" });
      expect(check(`${issued}.${nonce}.${mac.toUpperCase()}`)).toEqual({ ok: false, reason: "malformed" });
      expect(check(`${issued}.${nonce}.${mac.slice(0, -1)}`)).toEqual({ ok: false, reason: "malformed" });
      expect(check(`${issued}.${nonce}.${mac}A`)).toEqual({ ok: false, reason: "malformed" });
    });

    it("rejects the MAC of another token", () => {
      const otherMac = issue().split(".")[2];
      expect(check(`${issued}.${nonce}.${otherMac}`)).toEqual({ ok: false, reason: "malformed" });
    });

    it.each([
      ["an extra part", () => `${token}.extra`],
      ["a trailing dot", () => `${token}.`],
      ["a missing MAC", () => `${issued}.${nonce}`],
      ["an empty MAC", () => `${issued}.${nonce}.`],
      ["an empty nonce", () => `${issued}..${mac}`],
      ["an empty issue time", () => `.${nonce}.${mac}`],
      ["an empty string", () => ""],
      ["a non-numeric issue time", () => `1e12.${nonce}.${mac}`],
      ["a negative issue time", () => `-${issued}.${nonce}.${mac}`],
      ["an issue time of 16 digits", () => `1${issued.padStart(15, "0")}.${nonce}.${mac}`],
      ["white space around it", () => ` ${token} `],
    ])("rejects %s", (_label, make) => {
      expect(check(make())).toEqual({ ok: false, reason: "malformed" });
    });

    it.each([[undefined], [null], [42], [T], [{ token }], [[token]], [Buffer.from(token)]])("rejects the non-string %p", (value) => {
      expect(check(value)).toEqual({ ok: false, reason: "malformed" });
    });

    it("rejects a correctly signed token over 200 characters, and accepts one of exactly 200", () => {
      const atLimit = signed(`${T}.${"n".repeat(200 - 58)}`);
      expect(atLimit).toHaveLength(200);
      expect(check(atLimit).ok).toBe(true);
      const overLimit = signed(`${T}.${"n".repeat(201 - 58)}`);
      expect(overLimit).toHaveLength(201);
      expect(check(overLimit)).toEqual({ ok: false, reason: "malformed" });
    });

    it("the signing helper above matches issueFormToken (so the length test is meaningful)", () => {
      expect(signed(`${issued}.${nonce}`)).toBe(token);
    });

    it("rejects a validly signed token from further in the future than the allowed clock skew", () => {
      expect(check(issue(T + 60_001), T)).toEqual({ ok: false, reason: "malformed" });
      expect(check(issue(T + 24 * 3600 * 1000), T)).toEqual({ ok: false, reason: "malformed" });
    });

    it("still accepts the untampered token (the cases above fail for the reason given)", () => {
      expect(check(token).ok).toBe(true);
    });
  });
});
