import { Client } from "pg";
import { disconnectDb } from "@/lib/db/client";
import { closeMailTransport } from "@/lib/notifications/mail-transport";
import { setAppEnvironment } from "./app-environment";
import { onTestDatabaseTeardown, provideTestDatabase } from "./test-database";

export interface TestDatabaseClient {
  /** A direct connection to the file's database (as the runtime role unless `connectAs: "owner"`), for arranging and reading rows. */
  readonly sql: Client;
  readonly url: string;
  readonly ownerUrl: string;
}

export interface TestDatabaseClientOptions {
  /**
   * Overrides for setAppEnvironment. A function is read in beforeAll, for
   * values known only once something has started (an SMTP sink's port).
   */
  readonly environment?: Record<string, string> | (() => Record<string, string>);
  /**
   * Which role `sql` connects as. Runtime by default, so arranging rows meets
   * production's grants; owner for the fixture that must do what the app may not.
   */
  readonly connectAs?: "runtime" | "owner";
  /** Extra clean-up (stop a worker, a receiver), run while the mail transport, client and pool are still open. */
  readonly teardown?: () => Promise<void> | void;
}

// Mail goes to a directory nobody reads unless the file brings its own SMTP
// sink: a test that forgets to configure mail must not try a real server.
const NO_MAIL = { MAIL_SINK_DIR: "/tmp/iop-test-mail-unused" };

/**
 * provideTestDatabase, plus the app's test environment and a connected SQL
 * client, closed with the app's mail transport and pool after the file.
 * Call at the top level of the file.
 */
export function provideTestDatabaseClient(options: TestDatabaseClientOptions = {}): TestDatabaseClient {
  const database = provideTestDatabase();
  let sql: Client | undefined;

  beforeAll(async () => {
    const overrides = typeof options.environment === "function" ? options.environment() : (options.environment ?? {});
    setAppEnvironment("SMTP_URL" in overrides ? overrides : { ...NO_MAIL, ...overrides });
    sql = new Client({ connectionString: options.connectAs === "owner" ? database.ownerUrl : database.url });
    await sql.connect();
  });
  onTestDatabaseTeardown(async () => {
    // The caller's clean-up first: a worker still sending needs the transport
    // and the pool until it has stopped.
    await options.teardown?.();
    // Idempotent (a no-op when nothing was sent or the file already closed
    // it); a pooled SMTP transport left open keeps sockets to the sink alive,
    // so the sink could not stop and Jest would not exit.
    closeMailTransport();
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
