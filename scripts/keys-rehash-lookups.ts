// `npm run keys:rehash-lookups`: recomputes every keyed lookup hash (phone,
// email, first name) under LOOKUP_HMAC_KEY from the decrypted answers, then
// retires the previous lookup key in the key-check table. Run it with the NEW
// key; the old one is never needed (docs/operations.md, "Key rotation").
import { progressBar } from "./keys/progress-bar";
import { runKeyMaintenance } from "./keys/run-key-maintenance";
import { exitWith } from "./support/exit-with";

exitWith(() =>
  runKeyMaintenance("keys-rehash-lookups", async ({ pool, env }) => {
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
  }),
);
