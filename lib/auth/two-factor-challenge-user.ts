import "server-only";
import { getDb } from "@/lib/db/client";

// Whose sign-in a second-factor attempt belongs to. Step one leaves a signed
// cookie ("<prefix>.two_factor", "__Secure-" in production) holding the id of
// a short-lived verification row whose value is the user id. Used only to
// attribute failed codes in the audit trail: guessing a colleague's codes
// after learning their password is the signal that matters most.
export async function twoFactorChallengeUserId(headers: Headers): Promise<string | null> {
  const cookie = (headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim())
    .find((part) => /^(__Secure-)?iop-staff\.two_factor=/.test(part));
  if (!cookie) return null;
  const signed = decodeURIComponent(cookie.slice(cookie.indexOf("=") + 1));
  const identifier = signed.slice(0, signed.lastIndexOf("."));
  if (!identifier.startsWith("2fa-")) return null;
  const row = await getDb().staffVerification.findFirst({
    where: { identifier, expiresAt: { gt: new Date() } },
    select: { value: true },
  });
  return row?.value ?? null;
}
