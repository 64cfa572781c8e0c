import "server-only";
import { accessLinkUrl, createAccessLink } from "@/lib/auth/access-links/access-link";
import { getAuth } from "@/lib/auth/auth";
import { isCommonPassword } from "@/lib/auth/common-passwords";
import { recordStaffAuditEvent } from "@/lib/auth/record-staff-audit-event";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { StaffNameSchema } from "@/lib/validations/staff-name";
import { StaffPasswordSchema } from "@/lib/validations/staff-password";

export class CreateAdminRefusedError extends Error {}

// `npm run staff:create-admin`: the only way to make an account without an
// invitation. It refuses an address that already has an account. The
// password alone does not open the account: the command prints a
// single-use set-up link (valid 24 hours) where the admin, with that
// password, connects an authenticator app.
export async function createFirstAdmin(options: {
  email: string;
  name: string;
  password: string;
}): Promise<{ userId: string; enrolmentUrl: string; expiresAt: Date }> {
  const email = options.email.trim().toLowerCase();
  const name = StaffNameSchema.safeParse(options.name);
  if (!name.success) throw new CreateAdminRefusedError(name.error.issues[0]?.message ?? "Invalid name.");
  const password = StaffPasswordSchema.safeParse(options.password);
  if (!password.success) throw new CreateAdminRefusedError(password.error.issues[0]?.message ?? "Invalid password.");
  if (isCommonPassword(options.password)) throw new CreateAdminRefusedError("That password is too common; choose another.");
  if (await getDb().staffUser.findUnique({ where: { email }, select: { id: true } })) {
    throw new CreateAdminRefusedError(`${email} already has a staff account.`);
  }
  const { user } = await getAuth().api.createUser({ body: { email, password: options.password, name: name.data, role: "admin" } });
  const link = await getDb().$transaction(async (tx) => {
    await recordStaffAuditEvent({ tx, action: "staff.admin.created", actorId: null, request: null, metadata: { subjectUserId: user.id, via: "command line" } });
    await recordStaffAuditEvent({ tx, action: "staff.mfa.enrolment_link_created", actorId: null, request: null, metadata: { subjectUserId: user.id, via: "command line" } });
    return createAccessLink({ tx, userId: user.id, purpose: "enrol", createdById: null });
  });
  return { userId: user.id, enrolmentUrl: accessLinkUrl(getEnv().PUBLIC_URL, "enrol", link.token), expiresAt: link.expiresAt };
}
