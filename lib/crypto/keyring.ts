import { getEnv } from "@/lib/env";
import { parseKeyring, type Keyring } from "@/lib/crypto/keyring-format";

export { parseKeyring, type FieldKey, type Keyring } from "@/lib/crypto/keyring-format";

let cached: Keyring | undefined;

export function getKeyring(): Keyring {
  if (!cached) {
    const env = getEnv();
    cached = parseKeyring(env.FIELD_ENCRYPTION_KEY, env.FIELD_ENCRYPTION_PREVIOUS_KEYS);
  }
  return cached;
}
