import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

export const REPO_MIGRATIONS_DIR = path.resolve(__dirname, "../../prisma/migrations");

/**
 * A throw-away migrations folder: a copy of the repository's migrations (unless
 * `copyRepoMigrations` is false) plus `extra` migrations, folder name → SQL.
 */
export async function createMigrationsDir(options: {
  extra?: Record<string, string>;
  copyRepoMigrations?: boolean;
}): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), "migrations-"));
  if (options.copyRepoMigrations ?? true) {
    await cp(REPO_MIGRATIONS_DIR, dir, { recursive: true });
  }
  for (const [name, sql] of Object.entries(options.extra ?? {})) {
    await mkdir(path.join(dir, name), { recursive: true });
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
