"use server";

import { redirect } from "next/navigation";
import { checkStaffAccess, requireStaffAction } from "@/lib/auth/require-staff";
import { signOutStaff } from "@/lib/auth/sign-out-staff";

// Session housekeeping shared by every signed-in staff page.

export async function signOutAction(form: FormData): Promise<void> {
  const access = await checkStaffAccess({ touch: false });
  if (access.ok) await signOutStaff({ staff: access.staff, everywhere: form.get("everywhere") === "true" });
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
