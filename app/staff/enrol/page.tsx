import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { EnrolFlow } from "@/app/staff/enrol/EnrolFlow";
import { signOutAction } from "@/app/staff/session/actions";
import { readStaffRequest } from "@/lib/auth/staff-request";
import { readStaffSession } from "@/lib/auth/staff-session";

export const metadata: Metadata = { title: "Set up two-step sign-in" };

// Every staff account needs a second factor before it sees anything else.
export default async function EnrolPage() {
  const state = await readStaffSession({ request: await readStaffRequest() });
  if (state.status === "signed-out") redirect("/staff/sign-in");
  if (state.status === "active") redirect("/staff");
  return (
    <main id="main" className="staff-narrow">
      <h1>Set up two-step sign-in</h1>
      <p>Staff accounts need a code from your phone as well as your password. This takes about two minutes.</p>
      <p className="hint">Your link has now been used: if you sign out before finishing, ask an administrator for a new one.</p>
      <EnrolFlow />
      <form action={signOutAction} className="enrol-sign-out">
        <button className="button-secondary" type="submit">
          Not now: sign out
        </button>
      </form>
    </main>
  );
}
