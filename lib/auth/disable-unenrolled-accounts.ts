import "server-only";
import { INVITATION_LIFETIME_HOURS } from "@/lib/auth/invitations/invitation-token";
import { recordStaffAuditEvent } from "@/lib/auth/record-staff-audit-event";
import { getDb } from "@/lib/db/client";

// An account that has not connected a second factor within the invitation's
// lifetime (counted from its creation, or from its newest set-up link) is a
// standing risk: disabled, signed out, audited. An admin can enable it again
// (and send a set-up link). Run by the minute tick; rows are locked, so two
// instances never disable (and audit) the same account twice.
export const UNENROLLED_GRACE_HOURS = INVITATION_LIFETIME_HOURS;

export async function disableUnenrolledAccounts(now: Date = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - UNENROLLED_GRACE_HOURS * 3_600_000);
  return getDb().$transaction(async (tx) => {
    const stale = await tx.$queryRaw<{ id: string }[]>`
      SELECT u."id" FROM "StaffUser" u
      WHERE NOT u."twoFactorEnabled" AND NOT u."banned" AND u."createdAt" < ${cutoff}
        AND NOT EXISTS (SELECT 1 FROM "StaffAccessLink" l WHERE l."userId" = u."id" AND l."purpose" = 'enrol' AND l."createdAt" >= ${cutoff})
      ORDER BY u."id" LIMIT 100
      FOR UPDATE OF u SKIP LOCKED`;
    for (const { id } of stale) {
      await tx.staffUser.update({ where: { id }, data: { banned: true, banReason: "Second factor not set up in time" } });
      await tx.staffSession.deleteMany({ where: { userId: id } });
      await recordStaffAuditEvent({ tx, action: "staff.user.disabled", actorId: null, request: null, metadata: { subjectUserId: id, reason: "second factor not set up in time" } });
    }
    return stale.length;
  });
}
