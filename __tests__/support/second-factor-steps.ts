import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { verifySecondFactor } from "@/lib/auth/verify-second-factor";
import type { StaffMember } from "./staff-accounts";
import { StaffBrowser } from "./staff-request";

// The two steps of staff sign-in taken one at a time, for the tests that look
// between them (replay, lockout, throttle); signInWithTotp takes both at once.

/** Step one on a fresh device: the password, leaving the two-factor challenge cookie. */
export async function passwordStep(member: StaffMember, ipAddress: string): Promise<StaffBrowser> {
  const browser = new StaffBrowser(ipAddress);
  const result = await signInWithPassword({ email: member.email, password: member.password, request: browser.request() });
  if (!result.ok || result.next !== "second-factor") throw new Error(`password step: ${JSON.stringify(result)}`);
  browser.absorb(result.setCookies);
  return browser;
}

/** Step two: a TOTP or recovery code; on success the browser keeps the session cookie. */
export async function verifyCode(browser: StaffBrowser, code: string, kind: "totp" | "recovery" = "totp") {
  const result = await verifySecondFactor({ code, kind, request: browser.request() });
  if (result.ok) browser.absorb(result.setCookies);
  return result;
}
