import { keyringOf, keySpec } from "@/__tests__/unit/fixtures/keys";
import { DecryptionError, decryptField, encryptField } from "@/lib/crypto/field-encryption";

const K1 = keySpec("k1", 1);
const K2 = keySpec("k2", 2);
const CONTEXT = "Inquiry.phone:0f8e2c1a-5d7b-4e0a-9d21-3c6f1b2a4e55";

const keyring = keyringOf(K1);

function encrypt(plaintext: string, context = CONTEXT, ring = keyring): string {
  return encryptField({ keyring: ring, plaintext, context });
}

function decrypt(ciphertext: string, context = CONTEXT, ring = keyring): string {
  return decryptField({ keyring: ring, ciphertext, context });
}

function parts(ciphertext: string): string[] {
  return ciphertext.split(".");
}

/** Replaces one base64url part after flipping one bit of the byte at `index` (negative: from the end). */
function flipByte(ciphertext: string, partIndex: number, index: number): string {
  const split = parts(ciphertext);
  const bytes = Buffer.from(split[partIndex] ?? "", "base64url");
  const at = index < 0 ? bytes.length + index : index;
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  split[partIndex] = bytes.toString("base64url");
  return split.join(".");
}

function expectDecryptionError(action: () => unknown): void {
  expect(action).toThrow(DecryptionError);
}

describe("encryptField / decryptField", () => {
  it.each([
    ["ASCII", "+12125550142"],
    ["accented and non-Latin text", "José Ñandú — 李小龍 — مرحبا"],
    ["emoji and combining marks", "Zoe\u0308 🙂👨‍👩‍👧"],
    ["line breaks", "line one\r\nline two\n"],
    ["the empty string", ""],
    ["long text", "Lorem ipsum dolor sit amet. ".repeat(4000)],
  ])("round-trips %s", (_label, plaintext) => {
    expect(decrypt(encrypt(plaintext))).toBe(plaintext);
  });

  it("writes v1.<keyId>.<iv>.<ciphertext+tag> with a 96-bit IV and a 128-bit tag", () => {
    const plaintext = "Sam";
    const ciphertext = encrypt(plaintext);
    expect(ciphertext).toMatch(/^v1\.k1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const [, , iv, body] = parts(ciphertext);
    expect(Buffer.from(iv ?? "", "base64url")).toHaveLength(12);
    expect(Buffer.from(body ?? "", "base64url")).toHaveLength(Buffer.byteLength(plaintext) + 16);
  });

  it("does not reveal the plaintext", () => {
    const plaintext = "sam.person@example.org";
    const ciphertext = encrypt(plaintext);
    expect(ciphertext).not.toContain(plaintext);
    expect(ciphertext).not.toContain(Buffer.from(plaintext).toString("base64url"));
    expect(Buffer.from(parts(ciphertext)[3] ?? "", "base64url").includes(Buffer.from(plaintext))).toBe(false);
  });

  it("uses a fresh IV for every value", () => {
    const first = encrypt("same value");
    const second = encrypt("same value");
    expect(first).not.toBe(second);
    expect(parts(first)[2]).not.toBe(parts(second)[2]);
    const ivs = new Set(Array.from({ length: 2000 }, () => parts(encrypt("x"))[2]));
    expect(ivs.size).toBe(2000);
  });

  describe("tampering", () => {
    const ciphertext = encrypt("+12125550142");

    it.each([
      ["the first byte of the IV", 2, 0],
      ["the last byte of the IV", 2, -1],
      ["the first byte of the ciphertext", 3, 0],
      ["the first byte of the tag", 3, -16],
      ["the last byte of the tag", 3, -1],
    ])("detects a flipped bit in %s", (_label, partIndex, byteIndex) => {
      const tampered = flipByte(ciphertext, partIndex, byteIndex);
      expect(tampered).not.toBe(ciphertext);
      expectDecryptionError(() => decrypt(tampered));
    });

    it("detects a truncated tag", () => {
      const split = parts(ciphertext);
      split[3] = Buffer.from(split[3] ?? "", "base64url").subarray(0, -1).toString("base64url");
      expectDecryptionError(() => decrypt(split.join(".")));
    });

    it("detects a shortened IV", () => {
      const split = parts(ciphertext);
      split[2] = Buffer.from(split[2] ?? "", "base64url").subarray(0, 8).toString("base64url");
      expectDecryptionError(() => decrypt(split.join(".")));
    });

    it("detects swapped ciphertexts between two values", () => {
      const other = encrypt("+442079460958");
      const [v, id, iv] = parts(ciphertext);
      const mixed = [v, id, iv, parts(other)[3]].join(".");
      expectDecryptionError(() => decrypt(mixed));
    });

    it("fails when the key id is changed to another known key", () => {
      const ring = keyringOf(K1, K2);
      const original = encrypt("+12125550142", CONTEXT, ring);
      const relabelled = original.replace(/^v1\.k1\./, "v1.k2.");
      expect(relabelled).not.toBe(original);
      expectDecryptionError(() => decrypt(relabelled, CONTEXT, ring));
    });

    it("fails when the key id is unknown", () => {
      const relabelled = ciphertext.replace(/^v1\.k1\./, "v1.k9.");
      expect(() => decrypt(relabelled)).toThrow(new DecryptionError('unknown key id "k9"'));
    });

    it.each([
      ["another column", "Inquiry.email:0f8e2c1a-5d7b-4e0a-9d21-3c6f1b2a4e55"],
      ["another row", "Inquiry.phone:00000000-0000-4000-8000-000000000000"],
      ["an empty context", ""],
      ["a context differing only in case", CONTEXT.toUpperCase()],
    ])("fails with the context of %s", (_label, context) => {
      expectDecryptionError(() => decrypt(ciphertext, context));
    });

    it("still decrypts the untampered value (the cases above fail for the reason given)", () => {
      expect(decrypt(ciphertext)).toBe("+12125550142");
    });
  });

  describe("malformed input", () => {
    const valid = encrypt("x");
    const [, , iv, body] = parts(valid);

    it.each([
      ["an empty string", ""],
      ["plain text", "+12125550142"],
      ["only a version", "v1"],
      ["no body", `v1.k1.${iv}`],
      ["an empty key id", `v1..${iv}.${body}`],
      ["an empty IV", `v1.k1..${body}`],
      ["an empty body", `v1.k1.${iv}.`],
      ["an unknown version", `v2.k1.${iv}.${body}`],
      ["an upper-case version", `V1.k1.${iv}.${body}`],
      ["an extra part", `${valid}.extra`],
      ["a trailing dot", `${valid}.`],
      ["a body shorter than the tag", `v1.k1.${iv}.${Buffer.alloc(15).toString("base64url")}`],
      ["a body of exactly a zero tag", `v1.k1.${iv}.${Buffer.alloc(16).toString("base64url")}`],
      ["non-base64 garbage", `v1.k1.!!!!.@@@@@@@@@@@@@@@@@@@@@@@@@@@@`],
    ])("rejects %s with DecryptionError", (_label, ciphertext) => {
      expectDecryptionError(() => decrypt(ciphertext));
    });

    it("is a DecryptionError that is also an Error", () => {
      let caught: unknown;
      try {
        decrypt("nonsense");
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(DecryptionError);
      expect(caught).toBeInstanceOf(Error);
    });
  });

  describe("key rotation", () => {
    it("encrypts with the active key", () => {
      expect(parts(encrypt("x", CONTEXT, keyringOf(K2, K1)))[1]).toBe("k2");
    });

    it("decrypts values written under the previous key after rotation", () => {
      const before = keyringOf(K1);
      const written = encrypt("+12125550142", CONTEXT, before);
      const after = keyringOf(K2, K1);
      expect(decrypt(written, CONTEXT, after)).toBe("+12125550142");
      const rewritten = encrypt(decrypt(written, CONTEXT, after), CONTEXT, after);
      expect(parts(rewritten)[1]).toBe("k2");
      expect(decrypt(rewritten, CONTEXT, after)).toBe("+12125550142");
    });

    it("can no longer decrypt once the old key is removed", () => {
      const written = encrypt("+12125550142", CONTEXT, keyringOf(K1));
      expect(() => decrypt(written, CONTEXT, keyringOf(K2))).toThrow(DecryptionError);
    });

    it("fails when a key id is reused for different key material", () => {
      const written = encrypt("+12125550142", CONTEXT, keyringOf(K1));
      expectDecryptionError(() => decrypt(written, CONTEXT, keyringOf(keySpec("k1", 7))));
    });
  });
});
