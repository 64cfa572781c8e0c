// `npm run keys:rehash-lookups`: recomputes every keyed lookup hash (phone,
// email, first name) under LOOKUP_HMAC_KEY from the decrypted answers, then
// retires the previous lookup key in the key-check table. Run it with the NEW
// key; the old one is never needed (docs/operations.md, "Key rotation").
import { Pool } from "pg";
import { progressBar } from "./keys/progress-bar";
import { loadMaintenanceEnvironment } from "./support/load-maintenance-environment";

async function main(): Promise<number> {
  const local = await loadMaintenanceEnvironment({ log: (message) => console.error(message) });
  const { getEnv } = await import("../lib/env");
  const env = getEnv();
  const pool = new Pool({ connectionString: env.DATABASE_URL, max: 2, application_name: "keys-rehash-lookups" });
  try {
    const { parseKeyring } = await import("../lib/crypto/keyring-format");
    const { rehashLookups } = await import("../lib/keys/rehash-lookups");
    const bar = progressBar(process.stdout);
    const result = await rehashLookups({
      sql: pool,
      keyring: parseKeyring(env.FIELD_ENCRYPTION_KEY, env.FIELD_ENCRYPTION_PREVIOUS_KEYS),
      lookupKey: Buffer.from(env.LOOKUP_HMAC_KEY, "base64"),
      onProgress: bar.update,
    });
    bar.end();
    console.log(
      `Inquiry: ${result.examined} examined, ${result.rehashed} re-hashed, ${result.changedMeanwhile} changed by the app meanwhile, ${result.failed} could not be opened`,
    );
    if (result.failed > 0) {
      console.error("Some answers could not be decrypted (a field key is missing); the old lookup key stays live. Fix the keyring and run again.");
      return 1;
    }
    console.log("Every lookup hash is under the configured LOOKUP_HMAC_KEY; start the app with it.");
    return 0;
  } finally {
    await pool.end();
    await local.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
