"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { redeemPasswordResetLink } from "@/lib/auth/access-links/redeem-password-reset-link";
import { readStaffRequest } from "@/lib/auth/staff-request";
import { StaffPasswordSchema } from "@/lib/validations/staff-password";

export type PasswordResetState = { formError?: string; fieldErrors?: Partial<Record<"password" | "confirmPassword", string>> };

const Reset = z
  .object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/), password: StaffPasswordSchema, confirmPassword: z.string() })
  .refine((value) => value.password === value.confirmPassword, { path: ["confirmPassword"], message: "The two passwords differ." });

// Anonymous by design: the link is the credential for this one change; the
// second factor is still asked at the next sign-in.
export async function resetPasswordAction(_previous: PasswordResetState, form: FormData): Promise<PasswordResetState> {
  const parsed = Reset.safeParse(Object.fromEntries(["token", "password", "confirmPassword"].map((k) => [k, form.get(k) ?? ""])));
  if (!parsed.success) {
    const fieldErrors: PasswordResetState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === "token") return { formError: "This link is not valid. Ask an administrator for a new one." };
      if ((field === "password" || field === "confirmPassword") && !fieldErrors[field]) fieldErrors[field] = issue.message;
    }
    return { fieldErrors };
  }
  const result = await redeemPasswordResetLink({ token: parsed.data.token, password: parsed.data.password, request: await readStaffRequest() });
  if (result.ok) redirect("/staff/sign-in?passwordChanged=1");
  if (result.error === "weak-password") return { fieldErrors: { password: "Use at least 12 characters." } };
  if (result.error === "common-password") return { fieldErrors: { password: "That password is too common. Try a short sentence only you would think of." } };
  return { formError: "This link has expired, was already used or was replaced by a newer one. Ask an administrator for a new one." };
}
