import type { Metadata } from "next";
import { ConfirmForm } from "@/app/staff/(signed-in)/confirm/ConfirmForm";
import { confirmDestination } from "@/app/staff/(signed-in)/confirm/confirm-destinations";
import { REAUTHENTICATION_WINDOW_MINUTES } from "@/lib/auth/reauthentication";
import { requireStaffPage } from "@/lib/auth/require-staff";

export const metadata: Metadata = { title: "Confirm it's you" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ConfirmPage({ searchParams }: Props) {
  await requireStaffPage();
  const { next } = await searchParams;
  return (
    <div className="staff-narrow">
      <h1>Confirm it&apos;s you</h1>
      <p>
        Exports, deletions and second-factor resets need your password or a code again. It counts for {REAUTHENTICATION_WINDOW_MINUTES} minutes.
      </p>
      <ConfirmForm next={confirmDestination(next)} />
    </div>
  );
}
