import { keyBase64, keySpec } from "@/__tests__/unit/fixtures/keys";
import { parseKeyring } from "@/lib/crypto/keyring";

describe("parseKeyring", () => {
  it("parses the active key alone", () => {
    const ring = parseKeyring(keySpec("k1", 1), "");
    expect(ring.active.id).toBe("k1");
    expect(ring.active.key).toEqual(Buffer.alloc(32, 1));
    expect([...ring.byId.keys()]).toEqual(["k1"]);
    expect(ring.byId.get("k1")).toBe(ring.active);
  });

  it("adds previous keys for decryption, keeping the first argument active", () => {
    const ring = parseKeyring(keySpec("k3", 3), ` ${keySpec("k2", 2)} , ${keySpec("k1", 1)},`);
    expect(ring.active.id).toBe("k3");
    expect([...ring.byId.keys()].sort()).toEqual(["k1", "k2", "k3"]);
    expect(ring.byId.get("k1")?.key).toEqual(Buffer.alloc(32, 1));
    expect(ring.byId.get("k2")?.key).toEqual(Buffer.alloc(32, 2));
  });

  it("accepts ids made of letters, digits, '-' and '_'", () => {
    expect(parseKeyring(keySpec("2026-01_a", 1), "").active.id).toBe("2026-01_a");
  });

  it("accepts unpadded base64 and surrounding white space", () => {
    const unpadded = keyBase64(5).replace(/=+$/, "");
    expect(parseKeyring(`  k5:${unpadded}  `, "").active.key).toEqual(Buffer.alloc(32, 5));
  });

  it.each([16, 24, 31, 33, 64])("rejects a %i-byte key", (bytes) => {
    expect(() => parseKeyring(keySpec("k1", 1, bytes), "")).toThrow('field-encryption key "k1" must be 32 bytes (AES-256)');
  });

  it("rejects a previous key of the wrong length", () => {
    expect(() => parseKeyring(keySpec("k2", 2), keySpec("k1", 1, 16))).toThrow("must be 32 bytes");
  });

  it("rejects duplicate ids, whether active and previous or among previous keys", () => {
    expect(() => parseKeyring(keySpec("k1", 1), keySpec("k1", 2))).toThrow('duplicate field-encryption key id "k1"');
    expect(() => parseKeyring(keySpec("k3", 3), `${keySpec("k1", 1)},${keySpec("k1", 1)}`)).toThrow('duplicate field-encryption key id "k1"');
  });

  it.each([
    ["no separator", keyBase64(1)],
    ["an empty id", `:${keyBase64(1)}`],
    ["a dot in the id (it would break the ciphertext format)", `k.1:${keyBase64(1)}`],
    ["a space in the id", `k 1:${keyBase64(1)}`],
    ["a non-ASCII id", `ké:${keyBase64(1)}`],
  ])("rejects %s", (_label, spec) => {
    expect(() => parseKeyring(spec, "")).toThrow("field-encryption key must be id:base64");
  });

  it("rejects an empty key ring", () => {
    expect(() => parseKeyring("", "")).toThrow("FIELD_ENCRYPTION_KEY is empty");
    expect(() => parseKeyring("  ", " , ")).toThrow("FIELD_ENCRYPTION_KEY is empty");
  });

  it("never makes a previous key active when the active key is missing", () => {
    // Otherwise an unset FIELD_ENCRYPTION_KEY silently writes new rows under a retired key.
    expect(() => parseKeyring("", keySpec("k1", 1))).toThrow("FIELD_ENCRYPTION_KEY is empty");
  });

  it("never puts key material into its error messages", () => {
    const material = keyBase64(9, 16);
    let message = "";
    try {
      parseKeyring(`k9:${material}`, "");
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    expect(message).not.toBe("");
    expect(message).not.toContain(material);
  });
});
