import { Client } from "pg";
import { disconnectDb } from "@/lib/db/client";
import { setAppEnvironment } from "./app-environment";
import { onTestDatabaseTeardown, provideTestDatabase } from "./test-database";

export interface TestDatabaseClient {
  /** A direct connection to the file's database (as the runtime role), for arranging and reading rows. */
  readonly sql: Client;
  readonly url: string;
  readonly ownerUrl: string;
}

/**
 * provideTestDatabase, plus the app's test environment (no mail sent) and a
 * connected SQL client, closed with the app's own pool after the file.
 * Call at the top level of the file.
 */
export function provideTestDatabaseClient(): TestDatabaseClient {
  const database = provideTestDatabase();
  let sql: Client | undefined;

  beforeAll(async () => {
    setAppEnvironment({ MAIL_SINK_DIR: "/tmp/iop-test-mail-unused" });
    sql = new Client({ connectionString: database.url });
    await sql.connect();
  });
  onTestDatabaseTeardown(async () => {
    await sql?.end();
    await disconnectDb();
  });

  return {
    get sql() {
      if (!sql) throw new Error("test database client: connected in beforeAll; use it inside a test or hook");
      return sql;
    },
    get url() {
      return database.url;
    },
    get ownerUrl() {
      return database.ownerUrl;
    },
  };
}
