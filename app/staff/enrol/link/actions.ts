"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { redeemEnrolmentLink } from "@/lib/auth/access-links/redeem-enrolment-link";
import { readStaffRequest } from "@/lib/auth/staff-request";

export type EnrolmentLinkState = { formError?: string; fieldErrors?: { password?: string } };

const Redeem = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/), password: z.string().min(1).max(256) });

// Anonymous by design: the link and the password together are the credential.
export async function redeemEnrolmentLinkAction(_previous: EnrolmentLinkState, form: FormData): Promise<EnrolmentLinkState> {
  const parsed = Redeem.safeParse({ token: form.get("token"), password: form.get("password") });
  if (!parsed.success) {
    return parsed.error.issues.some((issue) => issue.path[0] === "token")
      ? { formError: "This set-up link is not valid. Ask an administrator for a new one." }
      : { fieldErrors: { password: "Enter your password." } };
  }
  const result = await redeemEnrolmentLink({ ...parsed.data, request: await readStaffRequest() });
  if (result.ok) redirect("/staff/enrol");
  if (result.error === "wrong-password") return { fieldErrors: { password: "That password is not right." } };
  if (result.error === "locked") return { formError: "Too many attempts. Try again later, or ask an administrator." };
  return { formError: "This set-up link has expired, was already used or was replaced by a newer one. Ask an administrator for a new one." };
}
