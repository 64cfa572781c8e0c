import type { Keyring } from "@/lib/crypto/keyring-format";
import { recordActiveKeys } from "@/lib/keys/record-active-keys";
import type { SqlClient } from "@/lib/keys/sql-client";
import { verifyKeyRecords } from "@/lib/keys/verify-key-records";
import { StartupRefusedError } from "@/lib/startup/startup-refused-error";

// The start-up key check with its inputs given (lib/startup/preflight/
// check-keys.ts reads them from the environment): records a new active key,
// then refuses with every problem found.
export async function assertKeysOpenData(options: { sql: SqlClient; keyring: Keyring; lookupKey: Buffer }): Promise<void> {
  await recordActiveKeys(options);
  const problems = await verifyKeyRecords(options);
  if (problems.length > 0) throw new StartupRefusedError(`The configured keys cannot open the stored data:\n  ${problems.join("\n  ")}`);
}
