"use server";

import { z } from "zod";
import { type ActionState } from "@/lib/actions/action-state";
import { runStaffAction } from "@/lib/actions/run-staff-action";
import { changeStaffRole } from "@/lib/auth/admin/change-staff-role";
import { resetStaffSecondFactor } from "@/lib/auth/admin/reset-staff-second-factor";
import { revokeStaffInvitation } from "@/lib/auth/admin/revoke-staff-invitation";
import { sendPasswordResetLink } from "@/lib/auth/admin/send-password-reset-link";
import { setStaffDisabled } from "@/lib/auth/admin/set-staff-disabled";
import { createStaffInvitation } from "@/lib/auth/invitations/create-staff-invitation";
import { STAFF_ROLES } from "@/lib/auth/staff-roles";

const PATH = "/staff/admin/users";
const done = (message: string): ActionState => ({ ok: true, message });
// Saved, but the mail did not go: the admin is told what to do next.
const mailFailed = (formError: string): ActionState => ({ ok: false, fieldErrors: {}, formError });

const Invite = z.object({ email: z.email("Enter a valid email address.").max(254, "Enter a valid email address."), role: z.enum(STAFF_ROLES, "Choose a role.") });
const UserCommand = z.object({
  userId: z.string("Unknown request.").min(1, "Unknown request.").max(64, "Unknown request."),
  command: z.enum(["make-admin", "make-coordinator", "disable", "enable", "reset-second-factor", "send-password-reset"], "Unknown request."),
});
const RevokeInvitation = z.object({ invitationId: z.uuid("Unknown invitation.") });

export async function inviteStaffAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runStaffAction({
    access: "admin",
    input: { email: form.get("email"), role: form.get("role") },
    schema: Invite,
    revalidate: PATH,
    work: async (admin, input) => {
      const sent = await createStaffInvitation({ ...input, invitedById: admin.user.id, request: admin.request });
      return sent.emailSent
        ? done(`Invitation sent to ${input.email}. The link works for 72 hours.`)
        : mailFailed("The invitation was saved but the email could not be sent. Try inviting again in a few minutes.");
    },
  });
}

export async function staffUserAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runStaffAction({
    access: "admin",
    input: { userId: form.get("userId"), command: form.get("command") },
    schema: UserCommand,
    revalidate: PATH,
    work: async (admin, { userId, command }) => {
      if (command === "make-admin" || command === "make-coordinator") {
        await changeStaffRole({ admin, userId, role: command === "make-admin" ? "admin" : "coordinator" });
        return done("Done.");
      }
      if (command === "disable" || command === "enable") {
        const outcome = await setStaffDisabled({ admin, userId, disabled: command === "disable" });
        return outcome.setUpLinkSent === false ? mailFailed("Enabled, but the set-up email could not be sent. Send a new set-up link in a few minutes.") : done("Done.");
      }
      if (command === "send-password-reset") {
        const sent = await sendPasswordResetLink({ admin, userId });
        return sent.emailSent
          ? done("A password reset link (valid 24 hours) was emailed to them.")
          : mailFailed("The link was made but the email could not be sent. Try again in a few minutes.");
      }
      const reset = await resetStaffSecondFactor({ admin, userId });
      return reset.emailSent
        ? done("Second factor reset. A set-up link (valid 24 hours) was emailed to them.")
        : mailFailed("The second factor was reset but the set-up email could not be sent. Reset again in a few minutes to send a new link.");
    },
  });
}

export async function revokeInvitationAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runStaffAction({
    access: "admin",
    input: { invitationId: form.get("invitationId") },
    schema: RevokeInvitation,
    revalidate: PATH,
    work: async (admin, { invitationId }) => {
      await revokeStaffInvitation({ admin, invitationId });
      return done("Invitation withdrawn.");
    },
  });
}
