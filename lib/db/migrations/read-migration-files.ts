import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { computeMigrationChecksum } from "./compute-migration-checksum";
import { MigrationError } from "./migration-error";

export type MigrationFile = {
  /** The folder name, e.g. `20261126000000_init`; Prisma's `migration_name`. */
  name: string;
  script: string;
  checksum: string;
};

/**
 * The migrations on disk in the order Prisma applies them: folder names sorted
 * as plain strings (the timestamp prefix makes that chronological). Folders
 * without a migration.sql and loose files (migration_lock.toml) are skipped.
 */
export async function readMigrationFiles(options: { migrationsDir: string }): Promise<MigrationFile[]> {
  const entries = await readdir(options.migrationsDir, { withFileTypes: true }).catch((error: unknown) => {
    if (!isMissingFile(error)) throw error;
    throw new MigrationError("migrations-dir-missing", `No migrations folder at ${options.migrationsDir}.`);
  });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort(compareCodeUnits);

  const files: MigrationFile[] = [];
  for (const name of names) {
    const bytes = await readScript(path.join(options.migrationsDir, name, "migration.sql"));
    if (bytes) {
      files.push({ name, script: bytes.toString("utf8"), checksum: computeMigrationChecksum({ script: bytes }) });
    }
  }
  return files;
}

// Plain code-unit order like Prisma's Rust `str` comparison (the same for the
// ASCII names migrations have), never a locale collation that could reorder them.
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function readScript(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    if (isMissingFile(error)) return undefined;
    throw error;
  }
}

// Duck-typed: errors from Node's core may come from another realm (Jest's VM),
// where `instanceof Error` is false.
function isMissingFile(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "ENOENT";
}
