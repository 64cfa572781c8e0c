// `npm run keys:rotate`: re-encrypts every encrypted column (inquiry answers,
// note versions, staff TOTP seeds and recovery codes) from previous field
// keys to the active one (FIELD_ENCRYPTION_KEY), then retires the old key ids
// once nothing is left under them. Resumable, idempotent, safe while the app
// runs (docs/operations.md, "Key rotation").
import { progressBar } from "./keys/progress-bar";
import { runKeyMaintenance } from "./keys/run-key-maintenance";
import { exitWith } from "./support/exit-with";

exitWith(() =>
  runKeyMaintenance("keys-rotate", async ({ pool, env }) => {
    const { parseKeyring } = await import("../lib/crypto/keyring-format");
    const { deriveAuthSecret } = await import("../lib/auth/auth-secret");
    const { rotateFieldKeys } = await import("../lib/keys/rotate-field-keys");
    const keyring = parseKeyring(env.FIELD_ENCRYPTION_KEY, env.FIELD_ENCRYPTION_PREVIOUS_KEYS);
    console.log(`Re-encrypting under field-encryption key ${keyring.active.id}.`);
    const bar = progressBar(process.stdout);
    const result = await rotateFieldKeys({
      sql: pool,
      ctx: { keyring, authSigningSecret: deriveAuthSecret(env.APP_SECRET) },
      lookupKey: Buffer.from(env.LOOKUP_HMAC_KEY, "base64"),
      onProgress: bar.update,
    });
    bar.end();
    const perTable = new Map<string, { resealed: number; changedMeanwhile: number; failed: number }>();
    for (const c of result.columns) {
      const t = perTable.get(c.table) ?? { resealed: 0, changedMeanwhile: 0, failed: 0 };
      perTable.set(c.table, { resealed: t.resealed + c.resealed, changedMeanwhile: t.changedMeanwhile + c.changedMeanwhile, failed: t.failed + c.failed });
    }
    for (const [table, t] of perTable) {
      console.log(`${table}: ${t.resealed} re-encrypted, ${t.changedMeanwhile} changed by the app meanwhile (left as written), ${t.failed} could not be opened`);
    }
    const failed = result.columns.reduce((n, c) => n + c.failed, 0);
    if (failed > 0) {
      console.error(`${failed} value(s) are under a key id missing from FIELD_ENCRYPTION_KEY/FIELD_ENCRYPTION_PREVIOUS_KEYS; add that key and run again.`);
      return 1;
    }
    if (result.remainingUnderOldKeys > 0) {
      console.log(`${result.remainingUnderOldKeys} value(s) were written under an old key while this ran; run it again.`);
      return 0;
    }
    if (result.retiredKeyIds.length > 0) {
      console.log(`Retired key id(s): ${result.retiredKeyIds.join(", ")}. Remove them from FIELD_ENCRYPTION_PREVIOUS_KEYS and restart.`);
    } else {
      console.log("Nothing is stored under an old key id.");
    }
    return 0;
  }),
);
