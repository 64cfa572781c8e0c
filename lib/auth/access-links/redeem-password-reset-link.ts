import "server-only";
import { claimAccessLink } from "@/lib/auth/access-links/access-link";
import { getAuth } from "@/lib/auth/auth";
import { isCommonPassword } from "@/lib/auth/common-passwords";
import { recordStaffAuditEvent } from "@/lib/auth/record-staff-audit-event";
import type { StaffRequest } from "@/lib/auth/staff-request";
import { getDb } from "@/lib/db/client";
import { StaffPasswordSchema } from "@/lib/validations/staff-password";

export type PasswordResetResult = { ok: true } | { ok: false; error: "invalid-link" | "weak-password" | "common-password" };

// The person chooses a new password through the admin's link. The link is
// claimed and the password replaced in one transaction; every session of the
// account ends. No session is made here: they sign in as usual, password and
// second factor.
export async function redeemPasswordResetLink(options: { token: string; password: string; request: StaffRequest }): Promise<PasswordResetResult> {
  if (!StaffPasswordSchema.safeParse(options.password).success) return { ok: false, error: "weak-password" };
  if (isCommonPassword(options.password)) return { ok: false, error: "common-password" };
  const hash = await (await getAuth().$context).password.hash(options.password);
  const userId = await getDb().$transaction(async (tx) => {
    const claim = await claimAccessLink({ tx, token: options.token, purpose: "password-reset" });
    if (!claim) return null;
    const updated = await tx.staffAccount.updateMany({ where: { userId: claim.userId, providerId: "credential" }, data: { password: hash, updatedAt: new Date() } });
    if (updated.count !== 1) throw new Error("staff account without a password credential");
    await tx.staffSession.deleteMany({ where: { userId: claim.userId } });
    await recordStaffAuditEvent({ tx, action: "staff.password.reset_by_link", actorId: claim.userId, request: options.request, metadata: { linkId: claim.id } });
    return claim.userId;
  });
  return userId ? { ok: true } : { ok: false, error: "invalid-link" };
}
