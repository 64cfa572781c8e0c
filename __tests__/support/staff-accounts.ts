import type { ParsedMail } from "mailparser";
import { confirmIdentity } from "@/lib/auth/reauthentication";
import { redeemEnrolmentLink } from "@/lib/auth/access-links/redeem-enrolment-link";
import { createFirstAdmin } from "@/lib/auth/create-first-admin";
import { confirmSecondFactorEnrolment, startSecondFactorEnrolment } from "@/lib/auth/enrol-second-factor";
import { acceptStaffInvitation } from "@/lib/auth/invitations/accept-staff-invitation";
import { createStaffInvitation } from "@/lib/auth/invitations/create-staff-invitation";
import type { StaffContext } from "@/lib/auth/require-staff";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { readStaffSession } from "@/lib/auth/staff-session";
import type { StaffRole } from "@/lib/auth/staff-roles";
import { getDb } from "@/lib/db/client";
import { verifySecondFactor } from "@/lib/auth/verify-second-factor";
import type { SmtpSink } from "@/__tests__/support/smtp-sink";
import { StaffBrowser } from "@/__tests__/support/staff-request";
import { currentTotpCodeMarkingUsed, secretFromOtpauthUri, totpCode } from "@/__tests__/support/totp";

// Staff accounts made the way people make them: through the domain functions,
// with TOTP codes computed from the enrolled secret. Every step throws if it
// does not succeed, so a test's own assertions start from a known state.
export type StaffMember = {
  id: string;
  email: string;
  password: string;
  secret: string;
  recoveryCodes: string[];
  browser: StaffBrowser;
};

export async function staffContext(browser: StaffBrowser): Promise<StaffContext> {
  const request = browser.request();
  const state = await readStaffSession({ request });
  if (state.status !== "active") throw new Error(`expected an active staff session, got ${state.status}`);
  return { user: state.user, session: state.session, request };
}

// An active staff context that has just confirmed it's them (password), as
// the riskiest actions require.
export async function confirmedStaffContext(browser: StaffBrowser, password: string): Promise<StaffContext> {
  const confirmed = await confirmIdentity({ staff: await staffContext(browser), secret: password });
  if (!confirmed.ok) throw new Error(`confirm it's you: ${confirmed.error}`);
  return staffContext(browser);
}

// Enrols TOTP for the account signed in (without a second factor) in `browser`.
export async function enrolSecondFactor(
  browser: StaffBrowser,
  password: string,
): Promise<{ userId: string; secret: string; recoveryCodes: string[] }> {
  const state = await readStaffSession({ request: browser.request() });
  if (state.status !== "needs-second-factor") throw new Error(`expected needs-second-factor, got ${state.status}`);
  const started = await startSecondFactorEnrolment({ password, request: browser.request() });
  if (!started.ok) throw new Error(`enrolment refused: ${started.error}`);
  const secret = secretFromOtpauthUri(started.totpUri);
  const confirmed = await confirmSecondFactorEnrolment({ userId: state.user.id, code: totpCode(secret), request: browser.request() });
  if (!confirmed.ok) throw new Error(`enrolment code refused: ${confirmed.error}`);
  browser.absorb(confirmed.setCookies);
  return { userId: state.user.id, secret, recoveryCodes: started.recoveryCodes };
}

export const ACCESS_LINK = /(https?:\/\/\S+\/staff\/(?:enrol\/link|password-reset))#token=([A-Za-z0-9_-]+)/;

export function accessLinkToken(text: string): string {
  const token = ACCESS_LINK.exec(text)?.[2];
  if (!token) throw new Error("no set-up or password link in the text");
  return token;
}

// Opens a set-up link with the password: leaves `browser` with a session that
// can reach only enrolment.
export async function redeemLink(browser: StaffBrowser, urlOrText: string, password: string): Promise<void> {
  const redeemed = await redeemEnrolmentLink({ token: accessLinkToken(urlOrText), password, request: browser.request() });
  if (!redeemed.ok) throw new Error(`set-up link refused: ${redeemed.error}`);
  browser.absorb(redeemed.setCookies);
}

// Password, then a TOTP code: leaves `browser` with an active session.
// A person's sign-ins come minutes apart, a test's milliseconds apart, and
// each 30-second code is accepted once: so this helper first forgets the
// account's last accepted step (as if time had passed) and uses the code of
// the moment. Replay protection itself: second-factor-replay.test.ts.
export async function signInWithTotp(options: { email: string; password: string; secret: string; browser: StaffBrowser }): Promise<void> {
  const { browser } = options;
  const first = await signInWithPassword({ email: options.email, password: options.password, request: browser.request() });
  if (!first.ok || first.next !== "second-factor") throw new Error(`password step: ${JSON.stringify(first)}`);
  browser.absorb(first.setCookies);
  await getDb().staffTwoFactor.updateMany({ where: { user: { email: options.email.trim().toLowerCase() } }, data: { lastTotpStep: null } });
  const second = await verifySecondFactor({ code: currentTotpCodeMarkingUsed(options.secret), kind: "totp", request: browser.request() });
  if (!second.ok) throw new Error(`second factor: ${second.error}`);
  browser.absorb(second.setCookies);
}

// A code as if a few minutes had passed since the account's last accepted
// one: the server forgets that step, and the code of the moment is used.
// For tests that need several fresh codes in a row without waiting 30 s for
// each (the waits pushed one test past its timeout on a slow CI machine).
export async function codeMinutesLater(member: { id: string; secret: string }): Promise<string> {
  await getDb().staffTwoFactor.updateMany({ where: { userId: member.id }, data: { lastTotpStep: null } });
  return currentTotpCodeMarkingUsed(member.secret);
}

export async function createEnrolledAdmin(options: { email: string; password: string; name?: string; browser?: StaffBrowser }): Promise<StaffMember> {
  const browser = options.browser ?? new StaffBrowser();
  const created = await createFirstAdmin({ email: options.email, name: options.name ?? "Ada Admin", password: options.password });
  await redeemLink(browser, created.enrolmentUrl, options.password);
  const enrolled = await enrolSecondFactor(browser, options.password);
  return { id: enrolled.userId, email: options.email, password: options.password, secret: enrolled.secret, recoveryCodes: enrolled.recoveryCodes, browser };
}

function recipients(mail: ParsedMail): string[] {
  const to = mail.to === undefined ? [] : Array.isArray(mail.to) ? mail.to : [mail.to];
  return to.flatMap((group) => group.value.map((address) => (address.address ?? "").toLowerCase()));
}

// The newest message the sink received for `email`.
export async function latestMailTo(sink: SmtpSink, email: string): Promise<ParsedMail> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = sink.messages.filter((mail) => recipients(mail).includes(email.toLowerCase())).at(-1);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no email for ${email}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export const INVITATION_LINK = /(https?:\/\/\S+\/staff\/invitation)#token=([A-Za-z0-9_-]+)/;

export function invitationTokenFrom(mail: ParsedMail): string {
  const token = INVITATION_LINK.exec(mail.text ?? "")?.[2];
  if (!token) throw new Error("invitation email without a link");
  return token;
}

// Invites `email` (as the admin `invitedById`), reads the token from the mail
// the sink received, accepts, and enrols TOTP.
export async function inviteAndEnrol(options: {
  sink: SmtpSink;
  invitedById: string;
  email: string;
  role: StaffRole;
  password: string;
  browser?: StaffBrowser;
}): Promise<StaffMember> {
  const browser = options.browser ?? new StaffBrowser();
  const before = options.sink.messages.length;
  const invited = await createStaffInvitation({ email: options.email, role: options.role, invitedById: options.invitedById, request: new StaffBrowser().request() });
  if (!invited.emailSent) throw new Error("invitation email not sent");
  await options.sink.waitForMessages(before + 1);
  const token = invitationTokenFrom(await latestMailTo(options.sink, options.email));
  const accepted = await acceptStaffInvitation({ token, name: "Casey Coordinator", password: options.password, request: browser.request() });
  if (!accepted.ok) throw new Error(`invitation refused: ${accepted.error}`);
  browser.absorb(accepted.setCookies);
  const enrolled = await enrolSecondFactor(browser, options.password);
  return { id: enrolled.userId, email: options.email, password: options.password, secret: enrolled.secret, recoveryCodes: enrolled.recoveryCodes, browser };
}

// A six-digit code the authenticator would not show now, nor one step either
// side (the window Better Auth accepts).
export function wrongTotpCode(secret: string): string {
  const now = Date.now();
  const valid = new Set([-60_000, -30_000, 0, 30_000, 60_000].map((offset) => totpCode(secret, now + offset)));
  for (let n = Number(totpCode(secret, now)) + 1; ; n += 1) {
    const candidate = String(n % 1_000_000).padStart(6, "0");
    if (!valid.has(candidate)) return candidate;
  }
}
