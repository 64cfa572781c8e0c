"use server";

import { z } from "zod";
import { changeOwnPassword } from "@/lib/auth/account/change-own-password";
import { regenerateRecoveryCodes } from "@/lib/auth/account/regenerate-recovery-codes";
import { requireStaffAction, StaffAccessDeniedError, type StaffContext } from "@/lib/auth/require-staff";

export type ChangePasswordState = {
  ok?: string;
  formError?: string;
  fieldErrors?: Partial<Record<"currentPassword" | "newPassword" | "confirmPassword" | "code", string>>;
};
export type RecoveryCodesState = { recoveryCodes?: string[]; formError?: string };

const ChangePassword = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(256),
    newPassword: z.string().min(12, "Use at least 12 characters.").max(128, "Use at most 128 characters."),
    confirmPassword: z.string().max(256),
    code: z.string().trim().regex(/^\d{3}\s?\d{3}$/, "Enter the 6-digit code your app shows now."),
  })
  .refine((value) => value.newPassword === value.confirmPassword, { path: ["confirmPassword"], message: "The two passwords differ." });

const FIELDS = ["currentPassword", "newPassword", "confirmPassword", "code"] as const;

// Both actions answer a lapsed session with a form error rather than a thrown one.
async function signedInStaff(): Promise<StaffContext | null> {
  try {
    return await requireStaffAction();
  } catch (error) {
    if (error instanceof StaffAccessDeniedError) return null;
    throw error;
  }
}

export async function changePasswordAction(_previous: ChangePasswordState, form: FormData): Promise<ChangePasswordState> {
  const staff = await signedInStaff();
  if (!staff) return { formError: "Sign in again first." };
  const parsed = ChangePassword.safeParse(Object.fromEntries(FIELDS.map((key) => [key, form.get(key) ?? ""])));
  if (!parsed.success) {
    const fieldErrors: ChangePasswordState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = FIELDS.find((name) => name === issue.path[0]);
      if (field && !fieldErrors[field]) fieldErrors[field] = issue.message;
    }
    return { fieldErrors };
  }
  const result = await changeOwnPassword({ staff, ...parsed.data });
  if (result.ok) return { ok: "Your password is changed. Every other session of your account has ended." };
  switch (result.error) {
    case "weak-password":
      return { fieldErrors: { newPassword: "Use at least 12 characters." } };
    case "common-password":
      return { fieldErrors: { newPassword: "That password is too common. Try a short sentence only you would think of." } };
    case "wrong-password":
      return { fieldErrors: { currentPassword: "That is not your current password." } };
    case "invalid-code":
      return { fieldErrors: { code: "That code did not work. Wait for the next code in your app and try again." } };
    default:
      return { formError: "Too many attempts. Try again later." };
  }
}

export async function regenerateRecoveryCodesAction(_previous: RecoveryCodesState, form: FormData): Promise<RecoveryCodesState> {
  const staff = await signedInStaff();
  if (!staff) return { formError: "Sign in again first." };
  const password = form.get("password");
  if (typeof password !== "string" || password === "" || password.length > 256) return { formError: "Enter your password." };
  const result = await regenerateRecoveryCodes({ staff, password });
  if (result.ok) return { recoveryCodes: result.recoveryCodes };
  return { formError: result.error === "locked" ? "Too many attempts. Try again later." : "That password is not right." };
}
