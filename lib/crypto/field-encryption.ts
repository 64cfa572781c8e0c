import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { Keyring } from "@/lib/crypto/keyring-format";

// AES-256-GCM with a fresh 96-bit IV per value. Stored form:
//   v1.<keyId>.<iv>.<ciphertext+tag>   (base64url parts)
// The key id lets keys rotate without downtime. `context` (e.g. "Inquiry.phone:<id>")
// is bound as additional authenticated data, so a ciphertext copied into another
// column or another row fails to decrypt instead of silently moving data around.

const VERSION = "v1";
const TAG_BYTES = 16;

export class DecryptionError extends Error {}

export function encryptField(options: { keyring: Keyring; plaintext: string; context: string }): string {
  const { id, key } = options.keyring.active;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(options.context, "utf8"));
  const body = Buffer.concat([cipher.update(options.plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return [VERSION, id, iv.toString("base64url"), body.toString("base64url")].join(".");
}

export function decryptField(options: { keyring: Keyring; ciphertext: string; context: string }): string {
  const [version, keyId, ivPart, bodyPart, ...rest] = options.ciphertext.split(".");
  if (version !== VERSION || !keyId || !ivPart || !bodyPart || rest.length > 0) {
    throw new DecryptionError("malformed ciphertext");
  }
  const fieldKey = options.keyring.byId.get(keyId);
  if (!fieldKey) throw new DecryptionError(`unknown key id "${keyId}"`);
  const body = Buffer.from(bodyPart, "base64url");
  if (body.length < TAG_BYTES) throw new DecryptionError("malformed ciphertext");
  try {
    const decipher = createDecipheriv("aes-256-gcm", fieldKey.key, Buffer.from(ivPart, "base64url"));
    decipher.setAAD(Buffer.from(options.context, "utf8"));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    const plain = Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]);
    return plain.toString("utf8");
  } catch {
    throw new DecryptionError("ciphertext failed authentication");
  }
}
