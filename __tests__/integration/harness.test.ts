import { readdirSync } from "node:fs";
import pg from "pg";
import { REPO_MIGRATIONS_DIR } from "@/__tests__/support/create-migrations-dir";
import { provideTestDatabase } from "@/__tests__/support/test-database";

const first = provideTestDatabase();
const second = provideTestDatabase();

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("provideTestDatabase", () => {
  it("gives a database with the migrations applied", async () => {
    const tables = await query<{ name: string }>(
      first.url,
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(["Inquiry", "_prisma_migrations"]));
    const migrations = await query<{ finished: boolean; rolled_back: boolean }>(
      first.url,
      "SELECT finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back FROM _prisma_migrations",
    );
    const inRepository = readdirSync(REPO_MIGRATIONS_DIR, { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(migrations).toEqual(inRepository.map(() => ({ finished: true, rolled_back: false })));
  });

  it("points DATABASE_URL at the file's database", () => {
    expect(process.env.DATABASE_URL).toBe(second.url);
  });

  it("gives each caller its own database", async () => {
    expect(first.url).not.toBe(second.url);
    // As the owner: the runtime role the app uses may not create tables.
    await query(first.ownerUrl, `CREATE TABLE only_in_first (id int)`);
    const [row] = await query<{ exists: boolean }>(second.url, "SELECT to_regclass('only_in_first') IS NOT NULL AS exists");
    expect(row?.exists).toBe(false);
  });
});
