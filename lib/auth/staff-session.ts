import "server-only";
import { getAuth } from "@/lib/auth/auth";
import { recordStaffAuditEvent } from "@/lib/auth/record-staff-audit-event";
import { STAFF_ACTIVITY_WRITE_SECONDS, STAFF_SESSION_ABSOLUTE_SECONDS } from "@/lib/auth/staff-session-policy";
import type { StaffRequest } from "@/lib/auth/staff-request";
import { isStaffRole, type StaffRole } from "@/lib/auth/staff-roles";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";

export type StaffUser = { id: string; email: string; name: string; role: StaffRole };
export type StaffSession = { id: string; createdAt: Date; lastActiveAt: Date; idleExpiresAt: Date };

// What the cookie on this request amounts to. "needs-second-factor" is a
// signed-in account that has not enrolled TOTP yet: it may reach the
// enrolment page and nothing else.
export type StaffSessionState =
  | { status: "signed-out" }
  | { status: "needs-second-factor"; user: StaffUser; session: StaffSession }
  | { status: "active"; user: StaffUser; session: StaffSession };

// Reads the session and applies the automatic-logoff rules Better Auth does
// not have: idle timeout (last activity = the row's updatedAt) and the
// absolute lifetime; a disabled account or an unknown role is signed out too.
// `touch: false` reads without counting as activity (status polls).
export async function readStaffSession(options: { request: StaffRequest; touch?: boolean }): Promise<StaffSessionState> {
  const result = await getAuth().api.getSession({ headers: options.request.headers, query: { disableRefresh: true } });
  if (!result) return { status: "signed-out" };
  const { session, user } = result;
  const now = Date.now();
  const idleMs = getEnv().STAFF_IDLE_TIMEOUT_MINUTES * 60_000;
  const lastActiveAt = new Date(session.updatedAt);

  const ended =
    now - lastActiveAt.getTime() >= idleMs
      ? ("staff.session.idle_timeout" as const)
      : now - new Date(session.createdAt).getTime() >= STAFF_SESSION_ABSOLUTE_SECONDS * 1000
        ? ("staff.session.expired" as const)
        : null;
  if (ended || user.banned || !isStaffRole(user.role)) {
    await getDb().staffSession.deleteMany({ where: { id: session.id } });
    if (ended) await recordStaffAuditEvent({ action: ended, actorId: user.id, request: options.request });
    return { status: "signed-out" };
  }

  let activeAt = lastActiveAt;
  if (options.touch !== false && now - lastActiveAt.getTime() >= STAFF_ACTIVITY_WRITE_SECONDS * 1000) {
    activeAt = new Date(now);
    await getDb().staffSession.updateMany({ where: { id: session.id }, data: { updatedAt: activeAt } });
  }
  const staffUser: StaffUser = { id: user.id, email: user.email, name: user.name, role: user.role };
  const staffSession: StaffSession = {
    id: session.id,
    createdAt: new Date(session.createdAt),
    lastActiveAt: activeAt,
    idleExpiresAt: new Date(Math.min(activeAt.getTime() + idleMs, new Date(session.createdAt).getTime() + STAFF_SESSION_ABSOLUTE_SECONDS * 1000)),
  };
  return user.twoFactorEnabled
    ? { status: "active", user: staffUser, session: staffSession }
    : { status: "needs-second-factor", user: staffUser, session: staffSession };
}
