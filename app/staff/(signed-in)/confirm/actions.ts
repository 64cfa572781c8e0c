"use server";

import { redirect } from "next/navigation";
import { confirmDestination } from "@/app/staff/(signed-in)/confirm/confirm-destinations";
import { confirmIdentity } from "@/lib/auth/reauthentication";
import { requireStaffAction, StaffAccessDeniedError } from "@/lib/auth/require-staff";

export type ConfirmState = { error?: string };

export async function confirmIdentityAction(_previous: ConfirmState, form: FormData): Promise<ConfirmState> {
  let staff;
  try {
    staff = await requireStaffAction();
  } catch (error) {
    if (error instanceof StaffAccessDeniedError) return { error: "Sign in again first." };
    throw error;
  }
  const secret = form.get("secret");
  if (typeof secret !== "string" || secret.trim() === "" || secret.length > 256) return { error: "Enter your password or the 6-digit code from your app." };
  const result = await confirmIdentity({ staff, secret });
  if (result.ok) redirect(confirmDestination(form.get("next")));
  if (result.error === "locked") return { error: "Too many attempts. Try again later." };
  return { error: "That did not match. Check your password, or use the newest code from your app." };
}
