import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { recordStaffAuditEvent } from "@/lib/auth/record-staff-audit-event";
import { readStaffRequest, type StaffRequest } from "@/lib/auth/staff-request";
import { readStaffSession, type StaffSession, type StaffUser } from "@/lib/auth/staff-session";
import type { StaffRole } from "@/lib/auth/staff-roles";

// The authorisation check every staff page, server action and route handler
// calls first. proxy.ts does not guard anything: this does.
export type StaffContext = { user: StaffUser; session: StaffSession; request: StaffRequest };
export type StaffRequirement = { role?: StaffRole };

export type StaffAccess =
  | { ok: true; staff: StaffContext }
  | { ok: false; reason: "signed-out" | "needs-second-factor" | "forbidden" };

// Once per request: a layout and its page both check, with one session read.
const currentSession = cache(async (touch: boolean) => {
  const request = await readStaffRequest();
  return { request, state: await readStaffSession({ request, touch }) };
});

export async function checkStaffAccess(options: StaffRequirement & { touch?: boolean } = {}): Promise<StaffAccess> {
  const { request, state } = await currentSession(options.touch !== false);
  if (state.status !== "active") return { ok: false, reason: state.status };
  if (options.role === "admin" && state.user.role !== "admin") {
    await recordStaffAuditEvent({ action: "staff.access.denied", actorId: state.user.id, request, metadata: { required: "admin" } });
    return { ok: false, reason: "forbidden" };
  }
  return { ok: true, staff: { user: state.user, session: state.session, request } };
}

// Pages: send people where they can go on; a coordinator on an admin page
// gets the 403 page (app/staff/forbidden.tsx).
export async function requireStaffPage(options: StaffRequirement = {}): Promise<StaffContext> {
  const access = await checkStaffAccess(options);
  if (access.ok) return access.staff;
  if (access.reason === "signed-out") redirect("/staff/sign-in");
  if (access.reason === "needs-second-factor") redirect("/staff/enrol");
  forbidden();
}

// Server actions and route handlers: an expected error the caller turns into
// a 401/403 answer without data.
export class StaffAccessDeniedError extends Error {
  constructor(readonly reason: "signed-out" | "needs-second-factor" | "forbidden") {
    super(reason === "forbidden" ? "Not allowed" : "Sign in required");
  }
}

export async function requireStaffAction(options: StaffRequirement = {}): Promise<StaffContext> {
  const access = await checkStaffAccess(options);
  if (!access.ok) throw new StaffAccessDeniedError(access.reason);
  return access.staff;
}
