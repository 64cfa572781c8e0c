import { createHash } from "node:crypto";

/**
 * Prisma Migrate's checksum: the SHA-256 of the migration.sql bytes, as 64
 * lowercase hex digits (schema-engine `render_checksum`). Stored in
 * `_prisma_migrations.checksum` so `prisma migrate status` agrees with us.
 */
export function computeMigrationChecksum(options: { script: string | Uint8Array }): string {
  return createHash("sha256").update(options.script).digest("hex");
}
