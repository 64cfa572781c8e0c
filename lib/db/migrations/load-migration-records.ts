import type { ClientBase } from "pg";

export type MigrationRecord = {
  id: string;
  migrationName: string;
  checksum: string;
  startedAt: Date;
  finishedAt: Date | null;
  rolledBackAt: Date | null;
  logs: string | null;
};

/** The rows of `_prisma_migrations`, oldest first (Prisma's order). */
export async function loadMigrationRecords(options: { client: ClientBase }): Promise<MigrationRecord[]> {
  const { rows } = await options.client.query<MigrationRecord>(
    `SELECT id, migration_name AS "migrationName", checksum, started_at AS "startedAt",
            finished_at AS "finishedAt", rolled_back_at AS "rolledBackAt", logs
       FROM _prisma_migrations
      ORDER BY started_at ASC`,
  );
  return rows;
}
