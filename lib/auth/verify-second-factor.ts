import "server-only";
import { isAPIError } from "better-auth/api";
import { getAuth } from "@/lib/auth/auth";
import { recordStaffAuditEvent } from "@/lib/auth/record-staff-audit-event";
import { clearAccountFailures, refundSignInAttempt, reserveSignInAttempt } from "@/lib/auth/sign-in-throttle";
import type { StaffRequest } from "@/lib/auth/staff-request";
import { RECOVERY_CODE_SHAPE, withSubmittedRecoveryCode } from "@/lib/auth/second-factor/recovery-code-storage";
import { claimTotpStep } from "@/lib/auth/second-factor/totp-step";
import { twoFactorChallengeUserId } from "@/lib/auth/two-factor-challenge-user";

export type SecondFactorResult =
  | { ok: true; setCookies: string[] }
  | { ok: false; error: "invalid" | "expired" }
  | { ok: false; error: "locked"; retryAfterSeconds: number };

// Step two of staff sign-in: a code from the authenticator app, or one of
// the recovery codes. Better Auth ties the attempt to step one through a
// short-lived signed cookie and locks the account after 5 wrong codes; the
// address-wide throttle here stops one machine trying many accounts.
export async function verifySecondFactor(options: {
  code: string;
  kind: "totp" | "recovery";
  request: StaffRequest;
}): Promise<SecondFactorResult> {
  const { request } = options;
  const code = options.code.replace(/\s+/g, "");
  const subjectUserId = await twoFactorChallengeUserId(request.headers);
  // Without a live challenge from step one there is nothing to verify.
  // (Better Auth would otherwise fall back to a session cookie, judged by its
  // rules rather than ours: disabled, idle and expired sessions included.)
  if (!subjectUserId) {
    await recordStaffAuditEvent({ action: "staff.sign_in.second_factor_failed", actorId: null, request, metadata: { kind: options.kind, code: "NO_CHALLENGE" } });
    return { ok: false, error: "expired" };
  }
  const subject = { subjectUserId };
  const challengeHeaders = withoutSessionCookie(request.headers);
  const throttle = await reserveSignInAttempt({ email: null, ipAddress: request.ipAddress });
  if (throttle.locked) {
    await recordStaffAuditEvent({ action: "staff.sign_in.locked_out", actorId: null, request, metadata: { step: "second-factor", ...subject } });
    return { ok: false, error: "locked", retryAfterSeconds: throttle.retryAfterSeconds };
  }

  // A code already accepted once (or older than the last accepted) is
  // refused before the library sees it: it would take it again.
  if (options.kind === "totp" && (await claimTotpStep({ userId: subjectUserId, code })) === "replayed") {
    await recordStaffAuditEvent({ action: "staff.mfa.code_replay_refused", actorId: null, request, metadata: { step: "sign-in", ...subject } });
    return { ok: false, error: "invalid" };
  }
  if (options.kind === "recovery" && !RECOVERY_CODE_SHAPE.test(code)) {
    await recordStaffAuditEvent({ action: "staff.sign_in.second_factor_failed", actorId: null, request, metadata: { kind: options.kind, code: "MALFORMED", ...subject } });
    return { ok: false, error: "invalid" };
  }

  try {
    const api = getAuth().api;
    const { headers, response } =
      options.kind === "totp"
        ? await api.verifyTOTP({ body: { code, trustDevice: false }, headers: challengeHeaders, returnHeaders: true })
        : await withSubmittedRecoveryCode(code, () =>
            api.verifyBackupCode({ body: { code, trustDevice: false }, headers: challengeHeaders, returnHeaders: true }),
          );
    const { user } = response;
    await refundSignInAttempt({ email: null, ipAddress: request.ipAddress });
    await clearAccountFailures({ email: user.email });
    await recordStaffAuditEvent({ action: "staff.sign_in.succeeded", actorId: user.id, request, metadata: { secondFactor: options.kind } });
    if (options.kind === "recovery") {
      await recordStaffAuditEvent({ action: "staff.mfa.recovery_code_used", actorId: user.id, request });
    }
    return { ok: true, setCookies: headers.getSetCookie() };
  } catch (error) {
    if (!isAPIError(error)) throw error;
    const code = typeof error.body?.code === "string" ? error.body.code : "";
    await recordStaffAuditEvent({
      action: "staff.sign_in.second_factor_failed",
      actorId: null,
      request,
      metadata: { kind: options.kind, code, ...subject },
    });
    // No challenge any more (timed out, or used up its attempts): start again
    // from the password step.
    if (code === "INVALID_TWO_FACTOR_COOKIE" || code === "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE") return { ok: false, error: "expired" };
    if (code === "ACCOUNT_TEMPORARILY_LOCKED") return { ok: false, error: "locked", retryAfterSeconds: 15 * 60 };
    return { ok: false, error: "invalid" };
  }
}

// The request's headers with only the two-factor challenge cookie left.
function withoutSessionCookie(headers: Headers): Headers {
  const copy = new Headers(headers);
  const cookies = (headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter((part) => /^(__Secure-)?iop-staff\.two_factor=/.test(part));
  if (cookies.length > 0) copy.set("cookie", cookies.join("; "));
  else copy.delete("cookie");
  return copy;
}
