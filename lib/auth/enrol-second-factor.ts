import "server-only";
import { isAPIError } from "better-auth/api";
import { getAuth } from "@/lib/auth/auth";
import { recordStaffAuditEvent } from "@/lib/auth/record-staff-audit-event";
import { resealStaffSecrets } from "@/lib/keys/reseal-staff-secrets";
import { claimTotpStep } from "@/lib/auth/second-factor/totp-step";
import type { StaffRequest } from "@/lib/auth/staff-request";

// Enrolment, step one: the password again (Better Auth requires it), then a
// fresh TOTP secret and ten recovery codes. Nothing is switched on until
// step two proves the authenticator app produces matching codes.
export async function startSecondFactorEnrolment(options: {
  password: string;
  request: StaffRequest;
}): Promise<{ ok: true; totpUri: string; recoveryCodes: string[] } | { ok: false; error: "wrong-password" }> {
  try {
    const result = await getAuth().api.enableTwoFactor({ body: { password: options.password }, headers: options.request.headers });
    if (result.method !== "totp") throw new Error("TOTP enrolment returned no secret");
    await resealStaffSecrets();
    return { ok: true, totpUri: result.totpURI, recoveryCodes: result.backupCodes };
  } catch (error) {
    if (isAPIError(error) && error.statusCode === 400) return { ok: false, error: "wrong-password" };
    throw error;
  }
}

// Step two: the first code from the app. Better Auth then marks the account
// as enrolled and replaces the session with a fresh one.
export async function confirmSecondFactorEnrolment(options: {
  userId: string;
  code: string;
  request: StaffRequest;
}): Promise<{ ok: true; setCookies: string[] } | { ok: false; error: "invalid-code" }> {
  let setCookies: string[];
  const code = options.code.replace(/\s+/g, "");
  if ((await claimTotpStep({ userId: options.userId, code })) === "replayed") {
    await recordStaffAuditEvent({ action: "staff.mfa.code_replay_refused", actorId: options.userId, request: options.request, metadata: { step: "enrolment" } });
    return { ok: false, error: "invalid-code" };
  }
  try {
    const { headers } = await getAuth().api.verifyTOTP({
      body: { code },
      headers: options.request.headers,
      returnHeaders: true,
    });
    setCookies = headers.getSetCookie();
  } catch (error) {
    if (isAPIError(error)) return { ok: false, error: "invalid-code" };
    throw error;
  }
  await recordStaffAuditEvent({ action: "staff.mfa.enrolled", actorId: options.userId, request: options.request });
  return { ok: true, setCookies };
}
