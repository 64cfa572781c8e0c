import Link from "next/link";
import type { ConfirmDestination } from "@/app/staff/(signed-in)/confirm/confirm-destinations";
import { hasRecentReauthentication, REAUTHENTICATION_WINDOW_MINUTES } from "@/lib/auth/reauthentication";
import type { StaffContext } from "@/lib/auth/require-staff";

// Shown above forms whose actions need a recent "Confirm it's you".
export async function ReauthenticationNotice(props: { staff: StaffContext; back: ConfirmDestination; what: string }) {
  if (await hasRecentReauthentication(props.staff)) return null;
  return (
    <p className="alert">
      {props.what} need you to confirm it&apos;s you (password or code, valid {REAUTHENTICATION_WINDOW_MINUTES} minutes).{" "}
      <Link href={`/staff/confirm?next=${encodeURIComponent(props.back)}`}>Confirm it&apos;s you</Link>
    </p>
  );
}
