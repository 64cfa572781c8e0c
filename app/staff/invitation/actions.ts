"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { acceptStaffInvitation } from "@/lib/auth/invitations/accept-staff-invitation";
import { readStaffRequest } from "@/lib/auth/staff-request";
import { StaffNameSchema } from "@/lib/validations/staff-name";
import { StaffPasswordSchema } from "@/lib/validations/staff-password";

export type AcceptInvitationState = {
  fieldErrors?: Partial<Record<"name" | "password" | "confirmPassword", string>>;
  formError?: string;
};

const AcceptInvitation = z
  .object({
    token: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    name: StaffNameSchema,
    password: StaffPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((value) => value.password === value.confirmPassword, { path: ["confirmPassword"], message: "The two passwords differ." });

// Anonymous by design: the invitation token is the credential.
export async function acceptInvitationAction(_previous: AcceptInvitationState, form: FormData): Promise<AcceptInvitationState> {
  const parsed = AcceptInvitation.safeParse(Object.fromEntries(["token", "name", "password", "confirmPassword"].map((k) => [k, form.get(k) ?? ""])));
  if (!parsed.success) {
    const fieldErrors: AcceptInvitationState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === "token") return { formError: "This invitation link is not valid. Ask an administrator for a new one." };
      if ((field === "name" || field === "password" || field === "confirmPassword") && !fieldErrors[field]) fieldErrors[field] = issue.message;
    }
    return { fieldErrors };
  }
  const result = await acceptStaffInvitation({ ...parsed.data, request: await readStaffRequest() });
  if (!result.ok) {
    if (result.error === "invalid-name") return { fieldErrors: { name: "Enter your name." } };
    if (result.error === "weak-password") return { fieldErrors: { password: "Use at least 12 characters." } };
    return result.error === "common-password"
      ? { fieldErrors: { password: "That password is too common. Try a short sentence only you would think of." } }
      : { formError: "This invitation has expired, was already used or was replaced by a newer one. Ask an administrator for a new one." };
  }
  redirect("/staff/enrol");
}
