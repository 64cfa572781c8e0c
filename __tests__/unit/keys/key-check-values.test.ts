import { randomBytes } from "node:crypto";
import { parseKeyring } from "@/lib/crypto/keyring-format";
import { betterAuthSecrets, SIGNING_VERSION, storedSecretConfig, storedSecretVersion } from "@/lib/keys/better-auth-secrets";
import { fieldCheckOpens, fieldCheckValue, lookupCheckValue, lookupKeyId } from "@/lib/keys/key-check-values";
import { likePrefix } from "@/lib/keys/sql-client";

const spec = (id: string) => `${id}:${randomBytes(32).toString("base64")}`;

describe("key check values", () => {
  it("open only under the key and id they were made with, and never contain the key", () => {
    const k1 = parseKeyring(spec("k1"), "").active;
    const other = parseKeyring(spec("k1"), "").active;
    const value = fieldCheckValue(k1);
    expect(value.startsWith("v1.k1.")).toBe(true);
    expect(value).not.toContain(k1.key.toString("base64"));
    expect(fieldCheckOpens(k1, value)).toBe(true);
    expect(fieldCheckOpens(other, value)).toBe(false);
    expect(fieldCheckOpens({ id: "k2", key: k1.key }, value)).toBe(false);
  });

  it("identify a lookup key by a fingerprint that differs per key", () => {
    const a = randomBytes(32);
    expect(lookupKeyId(a)).toMatch(/^[0-9a-f]{16}$/);
    expect(lookupKeyId(a)).toBe(lookupKeyId(Buffer.from(a)));
    expect(lookupKeyId(randomBytes(32))).not.toBe(lookupKeyId(a));
    expect(lookupCheckValue(a)).not.toContain(lookupKeyId(a));
  });
});

describe("Better Auth's secrets", () => {
  it("sign with version 0 and store under a stable version per field key id", () => {
    const keyring = parseKeyring(spec("k2"), spec("k1"));
    const secrets = betterAuthSecrets({ keyring, signingSecret: "signing" });
    expect(secrets[0]).toEqual({ version: SIGNING_VERSION, value: "signing" });
    expect(secrets.map((s) => s.version).slice(1)).toEqual([storedSecretVersion("k2"), storedSecretVersion("k1")]);
    expect(storedSecretVersion("k2")).toBeGreaterThan(0);
    expect(storedSecretVersion("k2")).not.toBe(storedSecretVersion("k1"));
    // A new APP_SECRET changes only the signing entry.
    const again = betterAuthSecrets({ keyring, signingSecret: "other" });
    expect(again.slice(1)).toEqual(secrets.slice(1));
    expect(storedSecretConfig({ keyring, signingSecret: "signing" }).currentVersion).toBe(storedSecretVersion("k2"));
  });
});

it("escapes LIKE wildcards in a key-id prefix", () => {
  expect(likePrefix("v1.k_1.")).toBe("v1.k\\_1.%");
  expect(likePrefix("$ba$5$")).toBe("$ba$5$%");
});
