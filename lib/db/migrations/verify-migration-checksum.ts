import { createHash } from "node:crypto";
import { computeMigrationChecksum } from "./compute-migration-checksum";

/**
 * Whether a recorded checksum still matches the script, the way Prisma's
 * `script_matches_checksum` decides: line endings may differ (git rewrites
 * them on checkout), and very old Prisma versions recorded the hex digits
 * without zero padding, which is recognised by the shorter length.
 */
export function verifyMigrationChecksum(options: { script: string; checksum: string }): boolean {
  const { script, checksum } = options;
  const variants = [script, script.replaceAll("\r\n", "\n"), script.replaceAll("\n", "\r\n")];
  const legacy = checksum.length !== 64 && checksum.length > 0;
  return variants.some((variant) =>
    legacy ? unpaddedChecksum(variant) === checksum : computeMigrationChecksum({ script: variant }) === checksum,
  );
}

function unpaddedChecksum(script: string): string {
  const digest = createHash("sha256").update(script).digest();
  return Array.from(digest, (byte) => byte.toString(16)).join("");
}
