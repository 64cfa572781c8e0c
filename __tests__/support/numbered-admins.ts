import { createEnrolledAdmin, type StaffMember } from "./staff-accounts";

/**
 * A maker of fresh enrolled admins, numbered from 1 within the test file, so
 * each test has an account (and lockout counts) of its own.
 */
export function numberedAdmins(credentials: (number: number) => { email: string; password: string }): () => Promise<StaffMember> {
  let count = 0;
  return () => {
    count += 1;
    return createEnrolledAdmin(credentials(count));
  };
}
