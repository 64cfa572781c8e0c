import type { ClientBase } from "pg";
import { parseKeyring } from "@/lib/crypto/keyring-format";
import { getEnv } from "@/lib/env";
import { assertKeysOpenData } from "@/lib/keys/assert-keys-open-data";

/**
 * The configured keys must open the stored data: every field-encryption key
 * id the data still uses is in the keyring and is the same key, and the
 * lookup-hash key is the one the stored hashes were made with. A new active
 * key (or a new database) is recorded first. Runs as the runtime role
 * (SELECT, INSERT, UPDATE on "KeyCheck"); throws StartupRefusedError.
 */
export async function checkKeys(context: { client: Pick<ClientBase, "query"> }): Promise<void> {
  const env = getEnv();
  await assertKeysOpenData({
    sql: context.client,
    keyring: parseKeyring(env.FIELD_ENCRYPTION_KEY, env.FIELD_ENCRYPTION_PREVIOUS_KEYS),
    lookupKey: Buffer.from(env.LOOKUP_HMAC_KEY, "base64"),
  });
}
