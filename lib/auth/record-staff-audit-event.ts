import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { getDb } from "@/lib/db/client";
import type { StaffRequest } from "@/lib/auth/staff-request";
import { countStaffSignIn } from "@/lib/metrics/staff-sign-in-metrics";

// Audit rows for staff-area events: sign-ins (good and bad), sign-outs, MFA
// changes, invitations, role changes, disabling. `actorId` is the staff user
// who acted (null when nobody is signed in, e.g. a failed sign-in for an
// unknown address); `subjectUserId` in metadata names the account acted on.
// Changes made in a transaction pass `tx` so the row commits with them.
export type StaffAuditAction =
  | "staff.sign_in.succeeded"
  | "staff.sign_in.failed"
  | "staff.sign_in.locked_out"
  | "staff.sign_in.second_factor_failed"
  | "staff.sign_out"
  | "staff.sign_out_everywhere"
  | "staff.session.idle_timeout"
  | "staff.session.expired"
  | "staff.mfa.enrolled"
  | "staff.mfa.recovery_code_used"
  | "staff.mfa.recovery_codes_regenerated"
  | "staff.mfa.reset_by_admin"
  | "staff.mfa.code_replay_refused"
  | "staff.mfa.enrolment_link_used"
  | "staff.mfa.enrolment_link_created"
  | "staff.sign_in.refused_not_enrolled"
  | "staff.reauthenticated"
  | "staff.reauthentication.failed"
  | "staff.password.changed"
  | "staff.password.reset_link_sent"
  | "staff.password.reset_by_link"
  | "staff.invitation.sent"
  | "staff.invitation.revoked"
  | "staff.invitation.accepted"
  | "staff.admin.created"
  | "staff.role.changed"
  | "staff.user.disabled"
  | "staff.user.enabled"
  | "staff.access.denied";

export async function recordStaffAuditEvent(options: {
  action: StaffAuditAction;
  actorId: string | null;
  request: Pick<StaffRequest, "ipAddress" | "userAgent"> | null;
  metadata?: Prisma.InputJsonObject;
  tx?: Prisma.TransactionClient;
}): Promise<void> {
  const client = options.tx ?? getDb();
  await client.auditEvent.create({
    data: {
      actorType: options.actorId ? "STAFF" : "SYSTEM",
      actorId: options.actorId,
      action: options.action,
      ipAddress: options.request?.ipAddress ?? null,
      userAgent: options.request?.userAgent?.slice(0, 256) ?? null,
      metadata: options.metadata ?? {},
    },
  });
  countStaffSignIn(options.action);
}
