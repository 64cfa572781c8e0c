import "server-only";
import { isAPIError } from "better-auth/api";
import { getAuth } from "@/lib/auth/auth";
import { recordStaffAuditEvent } from "@/lib/auth/record-staff-audit-event";
import type { StaffContext } from "@/lib/auth/require-staff";
import { refundSignInAttempt, reserveSignInAttempt } from "@/lib/auth/sign-in-throttle";

// Ten new recovery codes replace the old ones (which stop working at once).
// They are shown once, to the person, and stored hashed
// (lib/auth/second-factor/recovery-code-storage.ts). Needs the password.
export async function regenerateRecoveryCodes(options: {
  staff: StaffContext;
  password: string;
}): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false; error: "wrong-password" | "locked" }> {
  const { staff } = options;
  const throttle = await reserveSignInAttempt({ email: staff.user.email, ipAddress: staff.request.ipAddress });
  if (throttle.locked) return { ok: false, error: "locked" };
  try {
    const result = await getAuth().api.generateBackupCodes({ body: { password: options.password }, headers: staff.request.headers });
    await refundSignInAttempt({ email: staff.user.email, ipAddress: staff.request.ipAddress });
    await recordStaffAuditEvent({ action: "staff.mfa.recovery_codes_regenerated", actorId: staff.user.id, request: staff.request });
    return { ok: true, recoveryCodes: result.backupCodes };
  } catch (error) {
    if (!isAPIError(error)) throw error;
    await recordStaffAuditEvent({ action: "staff.reauthentication.failed", actorId: staff.user.id, request: staff.request, metadata: { method: "password", step: "recovery codes" } });
    return { ok: false, error: "wrong-password" };
  }
}
