import { Client } from "pg";
import { disconnectDb } from "@/lib/db/client";
import { closeMailTransport } from "@/lib/notifications/mail-transport";
import { setAppEnvironment } from "./app-environment";
import { quietBetterAuthWarnings } from "./quiet-better-auth";
import { startSmtpSink, type SmtpSink } from "./smtp-sink";
import { createEnrolledAdmin, type StaffMember } from "./staff-accounts";
import { onTestDatabaseTeardown, provideTestDatabase } from "./test-database";

export interface StaffAuthBed {
  /** The in-process SMTP server the app sends invitations and links to. */
  readonly smtp: SmtpSink;
  /** A direct connection to the file's database, for reading what the app wrote. */
  readonly sql: Client;
  /** An enrolled admin, created before the file's tests. */
  readonly admin: StaffMember;
}

function ready<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`staff auth bed: ${name} is set up in beforeAll; use it inside a test or hook`);
  return value;
}

/**
 * The set-up the staff-auth integration tests share: their own database, an
 * SMTP sink the app mails to, a direct SQL connection and one enrolled admin,
 * all torn down after the file. Call at the top level of the file.
 */
export function provideStaffAuthBed(options: {
  admin: { email: string; password: string };
  environment?: Record<string, string>;
}): StaffAuthBed {
  const database = provideTestDatabase();
  quietBetterAuthWarnings();
  let smtp: SmtpSink | undefined;
  let sql: Client | undefined;
  let admin: StaffMember | undefined;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    setAppEnvironment({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, ...options.environment });
    sql = new Client({ connectionString: database.url });
    await sql.connect();
    admin = await createEnrolledAdmin(options.admin);
  });
  onTestDatabaseTeardown(async () => {
    closeMailTransport();
    await sql?.end();
    await disconnectDb();
    await smtp?.stop();
  });

  return {
    get smtp() {
      return ready(smtp, "smtp");
    },
    get sql() {
      return ready(sql, "sql");
    },
    get admin() {
      return ready(admin, "admin");
    },
  };
}
