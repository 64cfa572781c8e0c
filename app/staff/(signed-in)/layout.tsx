import { IdleWarning } from "@/components/staff/IdleWarning";
import { PausedWebhooksBanner } from "@/components/staff/PausedWebhooksBanner";
import { StaffNav } from "@/components/staff/StaffNav";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { STAFF_IDLE_WARNING_SECONDS } from "@/lib/auth/staff-session-policy";
import { keepSessionAliveAction, sessionExpiryAction, signOutAction } from "@/app/staff/session/actions";

// Chrome for signed-in pages. Each page still calls requireStaffPage itself:
// a layout does not re-run on every navigation, so it is not a guard.
export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const staff = await requireStaffPage();
  return (
    <>
      <StaffNav user={staff.user} signOut={signOutAction} />
      <main id="main" className="page">
        {staff.user.role === "admin" ? <PausedWebhooksBanner /> : null}
        {children}
      </main>
      <IdleWarning
        idleExpiresAt={staff.session.idleExpiresAt.toISOString()}
        warningSeconds={STAFF_IDLE_WARNING_SECONDS}
        keepAlive={keepSessionAliveAction}
        readExpiry={sessionExpiryAction}
      />
    </>
  );
}
