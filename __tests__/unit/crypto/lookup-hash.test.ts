import { createHash, createHmac } from "node:crypto";
import { hashForLookup, type LookupKind } from "@/lib/crypto/lookup-hash";

const KEY = Buffer.alloc(32, 7);
const OTHER_KEY = Buffer.alloc(32, 8);

describe("hashForLookup", () => {
  it("is deterministic and hex-encoded SHA-256 length", () => {
    const first = hashForLookup({ key: KEY, kind: "phone", value: "+12125550142" });
    const second = hashForLookup({ key: Buffer.from(KEY), kind: "phone", value: "+12125550142" });
    expect(first).toBe(second);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
  });

  it("is an HMAC-SHA256 of kind NUL value (the format stored hashes rely on)", () => {
    const expected = createHmac("sha256", KEY).update("phone\u0000+12125550142").digest("hex");
    expect(hashForLookup({ key: KEY, kind: "phone", value: "+12125550142" })).toBe(expected);
  });

  it("depends on the key", () => {
    expect(hashForLookup({ key: KEY, kind: "email", value: "sam@example.org" })).not.toBe(
      hashForLookup({ key: OTHER_KEY, kind: "email", value: "sam@example.org" }),
    );
  });

  it("is not a plain hash of the value", () => {
    const hash = hashForLookup({ key: KEY, kind: "phone", value: "+12125550142" });
    expect(hash).not.toBe(createHash("sha256").update("+12125550142").digest("hex"));
    expect(hash).not.toBe(createHash("sha256").update("phone\u0000+12125550142").digest("hex"));
  });

  it("separates kinds: the same string in different roles never shares a hash", () => {
    const kinds: LookupKind[] = ["phone", "email", "ip", "name"];
    const hashes = kinds.map((kind) => hashForLookup({ key: KEY, kind, value: "203.0.113.9" }));
    expect(new Set(hashes).size).toBe(kinds.length);
  });

  it("distinguishes values", () => {
    const a = hashForLookup({ key: KEY, kind: "email", value: "sam@example.org" });
    expect(hashForLookup({ key: KEY, kind: "email", value: "Sam@example.org" })).not.toBe(a);
    expect(hashForLookup({ key: KEY, kind: "email", value: "sam@example.org " })).not.toBe(a);
    expect(hashForLookup({ key: KEY, kind: "email", value: "" })).not.toBe(a);
  });

  it("does not contain the value", () => {
    expect(hashForLookup({ key: KEY, kind: "ip", value: "203.0.113.9" })).not.toContain("203");
  });
});
