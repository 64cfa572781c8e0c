import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { countWaitingInquiries } from "@/lib/inquiries/count-waiting-inquiries";

export const metadata: Metadata = { title: "Home" };

// The landing page after sign-in: how much is waiting, without opening any
// record (counts only, so no audit event is needed here).
export default async function StaffHomePage() {
  const staff = await requireStaffPage();
  const waiting = await countWaitingInquiries();
  return (
    <>
      <h1>Hello, {staff.user.name}</h1>
      <section aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">Waiting for a first call</h2>
        <p className="stat">{waiting.total}</p>
        <p>
          {waiting.urgent} marked urgent.
          {waiting.oldestReceivedAt ? ` Oldest received ${waiting.oldestReceivedAt.toUTCString()}.` : ""}
        </p>
      </section>
    </>
  );
}
