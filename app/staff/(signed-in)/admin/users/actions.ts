"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { changeStaffRole, StaffAdminRefusedError } from "@/lib/auth/admin/change-staff-role";
import { resetStaffSecondFactor } from "@/lib/auth/admin/reset-staff-second-factor";
import { revokeStaffInvitation } from "@/lib/auth/admin/revoke-staff-invitation";
import { sendPasswordResetLink } from "@/lib/auth/admin/send-password-reset-link";
import { setStaffDisabled } from "@/lib/auth/admin/set-staff-disabled";
import { createStaffInvitation, InvitationRefusedError } from "@/lib/auth/invitations/create-staff-invitation";
import { ReauthenticationRequiredError } from "@/lib/auth/reauthentication";
import { requireStaffAction, StaffAccessDeniedError } from "@/lib/auth/require-staff";
import { STAFF_ROLES } from "@/lib/auth/staff-roles";
import { StaffNotActiveError } from "@/lib/triage/triage-errors";

export type AdminActionState = { ok?: string; formError?: string; fieldErrors?: { email?: string } };

const Invite = z.object({ email: z.email("Enter a valid email address.").max(254), role: z.enum(STAFF_ROLES) });
const UserCommand = z.object({
  userId: z.string().min(1).max(64),
  command: z.enum(["make-admin", "make-coordinator", "disable", "enable", "reset-second-factor", "send-password-reset"]),
});
const RevokeInvitation = z.object({ invitationId: z.uuid() });

// Every action re-checks the admin role itself; the page's check is not enough.
async function asAdmin<T>(work: (admin: Awaited<ReturnType<typeof requireStaffAction>>) => Promise<T>): Promise<T | AdminActionState> {
  try {
    return await work(await requireStaffAction({ role: "admin" }));
  } catch (error) {
    if (error instanceof StaffAccessDeniedError || error instanceof StaffNotActiveError) return { formError: "Only administrators can do that." };
    if (error instanceof StaffAdminRefusedError || error instanceof InvitationRefusedError) return { formError: error.message };
    if (error instanceof ReauthenticationRequiredError) return { formError: "Confirm it's you first (link at the top of the page)." };
    throw error;
  }
}

export async function inviteStaffAction(_previous: AdminActionState, form: FormData): Promise<AdminActionState> {
  return asAdmin(async (admin) => {
    const parsed = Invite.safeParse({ email: form.get("email"), role: form.get("role") });
    if (!parsed.success) return { fieldErrors: { email: "Enter a valid email address." } };
    const sent = await createStaffInvitation({ ...parsed.data, invitedById: admin.user.id, request: admin.request });
    revalidatePath("/staff/admin/users");
    return sent.emailSent
      ? { ok: `Invitation sent to ${parsed.data.email}. The link works for 72 hours.` }
      : { formError: "The invitation was saved but the email could not be sent. Try inviting again in a few minutes." };
  });
}

export async function staffUserAction(_previous: AdminActionState, form: FormData): Promise<AdminActionState> {
  return asAdmin(async (admin) => {
    const parsed = UserCommand.safeParse({ userId: form.get("userId"), command: form.get("command") });
    if (!parsed.success) return { formError: "Unknown request." };
    const { userId, command } = parsed.data;
    if (command === "make-admin" || command === "make-coordinator") {
      await changeStaffRole({ admin, userId, role: command === "make-admin" ? "admin" : "coordinator" });
    } else if (command === "disable" || command === "enable") {
      const outcome = await setStaffDisabled({ admin, userId, disabled: command === "disable" });
      if (outcome.setUpLinkSent === false) {
        revalidatePath("/staff/admin/users");
        return { formError: "Enabled, but the set-up email could not be sent. Send a new set-up link in a few minutes." };
      }
    } else if (command === "send-password-reset") {
      const sent = await sendPasswordResetLink({ admin, userId });
      return sent.emailSent
        ? { ok: "A password reset link (valid 24 hours) was emailed to them." }
        : { formError: "The link was made but the email could not be sent. Try again in a few minutes." };
    } else {
      const reset = await resetStaffSecondFactor({ admin, userId });
      revalidatePath("/staff/admin/users");
      return reset.emailSent
        ? { ok: "Second factor reset. A set-up link (valid 24 hours) was emailed to them." }
        : { formError: "The second factor was reset but the set-up email could not be sent. Reset again in a few minutes to send a new link." };
    }
    revalidatePath("/staff/admin/users");
    return { ok: "Done." };
  });
}

export async function revokeInvitationAction(_previous: AdminActionState, form: FormData): Promise<AdminActionState> {
  return asAdmin(async (admin) => {
    const parsed = RevokeInvitation.safeParse({ invitationId: form.get("invitationId") });
    if (!parsed.success) return { formError: "Unknown invitation." };
    await revokeStaffInvitation({ admin, invitationId: parsed.data.invitationId });
    revalidatePath("/staff/admin/users");
    return { ok: "Invitation withdrawn." };
  });
}
