import { Client } from "pg";
import { disconnectDb } from "@/lib/db/client";
import { closeMailTransport } from "@/lib/notifications/mail-transport";
import { setAppEnvironment } from "./app-environment";
import { startSmtpSink, type SmtpSink } from "./smtp-sink";
import { onTestDatabaseTeardown, provideTestDatabase } from "./test-database";

export interface MailingTestDatabase {
  /** The in-process SMTP server the app sends its mail to. */
  readonly smtp: SmtpSink;
  /** A direct connection to the file's database, for arranging and reading rows. */
  readonly sql: Client;
}

/**
 * provideTestDatabase for tests that follow the app's mail: an SMTP sink the
 * app is pointed at (plus any `environment` overrides) and a connected SQL
 * client (as the runtime role, or the owner for fixtures the app may not
 * write), all closed after the file. Call at the top level of the file.
 */
export function provideMailingTestDatabase(options: { environment?: Record<string, string>; connectAs?: "runtime" | "owner" } = {}): MailingTestDatabase {
  const database = provideTestDatabase();
  let smtp: SmtpSink | undefined;
  let sql: Client | undefined;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    setAppEnvironment({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, ...options.environment });
    sql = new Client({ connectionString: options.connectAs === "owner" ? database.ownerUrl : database.url });
    await sql.connect();
  });
  onTestDatabaseTeardown(async () => {
    closeMailTransport();
    await sql?.end();
    await disconnectDb();
    await smtp?.stop();
  });

  return {
    get smtp() {
      if (!smtp) throw new Error("mailing test database: the SMTP sink starts in beforeAll; use it inside a test or hook");
      return smtp;
    },
    get sql() {
      if (!sql) throw new Error("mailing test database: the SQL client connects in beforeAll; use it inside a test or hook");
      return sql;
    },
  };
}
