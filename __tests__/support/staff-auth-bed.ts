import { provideMailingTestDatabase, type MailingTestDatabase } from "./mailing-test-database";
import { quietBetterAuthWarnings } from "./quiet-better-auth";
import { createEnrolledAdmin, type StaffMember } from "./staff-accounts";

export interface StaffAuthBed extends MailingTestDatabase {
  /** An enrolled admin, created before the file's tests. */
  readonly admin: StaffMember;
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
  const mailing = provideMailingTestDatabase({ environment: options.environment });
  quietBetterAuthWarnings();
  let admin: StaffMember | undefined;

  beforeAll(async () => {
    admin = await createEnrolledAdmin(options.admin);
  });

  return {
    get smtp() {
      return mailing.smtp;
    },
    get sql() {
      return mailing.sql;
    },
    get admin() {
      if (!admin) throw new Error("staff auth bed: the admin is created in beforeAll; use it inside a test or hook");
      return admin;
    },
  };
}
