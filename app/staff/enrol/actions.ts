"use server";

import { redirect } from "next/navigation";
import QRCode from "qrcode";
import { z } from "zod";
import { confirmSecondFactorEnrolment, startSecondFactorEnrolment } from "@/lib/auth/enrol-second-factor";
import { readStaffRequest } from "@/lib/auth/staff-request";
import { readStaffSession } from "@/lib/auth/staff-session";

export type EnrolState =
  | { step: "password"; formError?: string }
  | { step: "code"; qrDataUrl: string; secret: string; recoveryCodes: string[]; formError?: string };

// Only an account that is signed in but has no second factor yet may enrol;
// an enrolled account changes its factor through an administrator reset.
async function enrollingUser() {
  const request = await readStaffRequest();
  const state = await readStaffSession({ request });
  if (state.status === "signed-out") redirect("/staff/sign-in");
  if (state.status === "active") redirect("/staff");
  return { request, user: state.user };
}

// One action for both steps, so the page keeps one state: the key and codes
// from step one stay on screen while step two is retried. (They are only
// shown back to the person they were made for; nothing here trusts them.)
export async function enrolAction(previous: EnrolState, form: FormData): Promise<EnrolState> {
  return form.get("intent") === "confirm" ? confirmEnrolment(previous, form) : startEnrolment(form);
}

async function startEnrolment(form: FormData): Promise<EnrolState> {
  const { request } = await enrollingUser();
  const password = z.string().min(1).max(256).safeParse(form.get("password"));
  if (!password.success) return { step: "password", formError: "Enter your password." };
  const started = await startSecondFactorEnrolment({ password: password.data, request });
  if (!started.ok) return { step: "password", formError: "That password is not right." };
  const secret = new URL(started.totpUri).searchParams.get("secret") ?? "";
  return {
    step: "code",
    qrDataUrl: await QRCode.toDataURL(started.totpUri, { margin: 1, width: 240 }),
    secret,
    recoveryCodes: started.recoveryCodes,
  };
}

async function confirmEnrolment(previous: EnrolState, form: FormData): Promise<EnrolState> {
  const { request, user } = await enrollingUser();
  if (previous.step !== "code") return { step: "password" };
  const code = z.string().trim().regex(/^\d{6}$/).safeParse(form.get("code"));
  if (!code.success) return { ...previous, formError: "Enter the 6-digit code your app shows now." };
  const confirmed = await confirmSecondFactorEnrolment({ userId: user.id, code: code.data, request });
  if (!confirmed.ok) return { ...previous, formError: "That code did not match. Check the time on your phone and try the newest code." };
  redirect("/staff");
}
