import "server-only";
import { deriveAuthSecret } from "@/lib/auth/auth-secret";
import { getKeyring } from "@/lib/crypto/keyring";
import { getPool } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { rotateSealedColumn } from "@/lib/keys/rotate-sealed-column";
import { SEALED_COLUMNS } from "@/lib/keys/sealed-columns";

// Better Auth encrypts a new TOTP seed (and, for accounts not yet converted to
// hashed recovery codes, re-encrypts the legacy code list after
// one is used) under its signing secret, i.e. under APP_SECRET. Right after
// that, this moves every staff second-factor value to the active field key
// (see lib/keys/better-auth-secrets.ts). A handful of rows; idempotent.
export async function resealStaffSecrets(): Promise<void> {
  const ctx = { keyring: getKeyring(), authSigningSecret: deriveAuthSecret(getEnv().APP_SECRET) };
  for (const entry of SEALED_COLUMNS.filter((e) => e.table === "StaffTwoFactor")) {
    await rotateSealedColumn({ sql: getPool(), entry, ctx });
  }
}
