export type FieldKey = { id: string; key: Buffer };

export type Keyring = { active: FieldKey; byId: ReadonlyMap<string, FieldKey> };

// FIELD_ENCRYPTION_KEY is "id:base64". Rotation: make a new key active and move
// the old one to FIELD_ENCRYPTION_PREVIOUS_KEYS (comma-separated "id:base64"),
// so rows written under it still decrypt while they are re-encrypted.
export function parseKeyring(active: string, previous: string): Keyring {
  if (active.trim() === "") throw new Error("FIELD_ENCRYPTION_KEY is empty");
  const keys = [active, ...previous.split(",")].map((s) => s.trim()).filter(Boolean).map(parseKey);
  const byId = new Map<string, FieldKey>();
  for (const key of keys) {
    if (byId.has(key.id)) throw new Error(`duplicate field-encryption key id "${key.id}"`);
    byId.set(key.id, key);
  }
  const [first] = keys;
  if (!first) throw new Error("FIELD_ENCRYPTION_KEY is empty");
  return { active: first, byId };
}

function parseKey(spec: string): FieldKey {
  const separator = spec.indexOf(":");
  const id = spec.slice(0, separator);
  const key = Buffer.from(spec.slice(separator + 1), "base64");
  if (separator < 1 || !/^[A-Za-z0-9_-]+$/.test(id)) throw new Error("field-encryption key must be id:base64");
  if (key.length !== 32) throw new Error(`field-encryption key "${id}" must be 32 bytes (AES-256)`);
  return { id, key };
}
