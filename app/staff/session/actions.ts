"use server";

import { redirect } from "next/navigation";
import { checkStaffAccess, requireStaffAction } from "@/lib/auth/require-staff";
import { readStaffRequest } from "@/lib/auth/staff-request";
import { readStaffSession } from "@/lib/auth/staff-session";
import { signOutStaff } from "@/lib/auth/sign-out-staff";

// Session housekeeping shared by every signed-in staff page.

// Any session may end itself, including one that has not enrolled a second
// factor yet (it is signed in, just not let in).
export async function signOutAction(form: FormData): Promise<void> {
  const request = await readStaffRequest();
  const state = await readStaffSession({ request, touch: false });
  if (state.status !== "signed-out") {
    await signOutStaff({ staff: { user: state.user, session: state.session, request }, everywhere: form.get("everywhere") === "true" });
  }
  redirect("/staff/sign-in?signedOut=1");
}

// "Stay signed in" in the idle warning: counts as activity.
export async function keepSessionAliveAction(): Promise<{ idleExpiresAt: string }> {
  const staff = await requireStaffAction();
  return { idleExpiresAt: staff.session.idleExpiresAt.toISOString() };
}

// Asked by the idle warning when its own clock runs out: another tab may
// have kept the session alive. Does not count as activity.
export async function sessionExpiryAction(): Promise<{ idleExpiresAt: string | null }> {
  const access = await checkStaffAccess({ touch: false });
  return { idleExpiresAt: access.ok ? access.staff.session.idleExpiresAt.toISOString() : null };
}
