import { changeOwnPassword } from "@/lib/auth/account/change-own-password";
import { listOwnSignIns } from "@/lib/auth/account/list-own-sign-ins";
import { regenerateRecoveryCodes } from "@/lib/auth/account/regenerate-recovery-codes";
import { redeemPasswordResetLink } from "@/lib/auth/access-links/redeem-password-reset-link";
import { sendPasswordResetLink } from "@/lib/auth/admin/send-password-reset-link";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { readStaffSession } from "@/lib/auth/staff-session";
import { verifySecondFactor } from "@/lib/auth/verify-second-factor";
import { disconnectDb, getDb } from "@/lib/db/client";
import { closeMailTransport } from "@/lib/notifications/mail-transport";
import { setAppEnvironment } from "@/__tests__/support/app-environment";
import { quietBetterAuthWarnings } from "@/__tests__/support/quiet-better-auth";
import { startSmtpSink, type SmtpSink } from "@/__tests__/support/smtp-sink";
import { accessLinkToken, codeMinutesLater, createEnrolledAdmin, inviteAndEnrol, latestMailTo, signInWithTotp, staffContext, type StaffMember, wrongTotpCode } from "@/__tests__/support/staff-accounts";
import { allAuditRows } from "@/__tests__/support/staff-audit";
import { StaffBrowser } from "@/__tests__/support/staff-request";
import { onTestDatabaseTeardown, provideTestDatabase } from "@/__tests__/support/test-database";

// Issue 14, account self-service: change one's password (current password +
// a fresh code), regenerate recovery codes, see one's own sign-ins; an admin
// can force a password change by a single-use link. All audited, no secrets.
provideTestDatabase();
quietBetterAuthWarnings();
let smtp: SmtpSink;
let admin: StaffMember;

beforeAll(async () => {
  smtp = await startSmtpSink();
  setAppEnvironment({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
  admin = await createEnrolledAdmin({ email: "admin@clinic.example", password: "administrator passphrase" });
});
onTestDatabaseTeardown(async () => {
  closeMailTransport();
  await disconnectDb();
  await smtp.stop();
});

let number = 0;
async function newCoordinator(): Promise<StaffMember> {
  number += 1;
  return inviteAndEnrol({ sink: smtp, invitedById: admin.id, email: `self${number}@clinic.example`, role: "coordinator", password: `self service passphrase ${number}` });
}

const secretsSeen: string[] = [];

it("changes the password with the current password and a fresh code; other sessions end", async () => {
  const member = await newCoordinator();
  const phone = new StaffBrowser("192.0.2.170");
  await signInWithTotp({ email: member.email, password: member.password, secret: member.secret, browser: phone });
  const staff = await staffContext(member.browser);
  const newPassword = "a brand new passphrase for me";
  secretsSeen.push(member.password, newPassword);

  expect(await changeOwnPassword({ staff, currentPassword: member.password, newPassword, code: wrongTotpCode(member.secret) })).toEqual({ ok: false, error: "invalid-code" });
  expect(await changeOwnPassword({ staff, currentPassword: "not my passphrase at all", newPassword, code: await codeMinutesLater(member) })).toEqual({
    ok: false,
    error: "wrong-password",
  });
  expect(await changeOwnPassword({ staff, currentPassword: member.password, newPassword: "short", code: await codeMinutesLater(member) })).toEqual({ ok: false, error: "weak-password" });
  const changed = await changeOwnPassword({ staff, currentPassword: member.password, newPassword, code: await codeMinutesLater(member) });
  expect(changed).toMatchObject({ ok: true });
  if (!changed.ok) return;
  member.browser.absorb(changed.setCookies);
  expect(await readStaffSession({ request: member.browser.request() })).toMatchObject({ status: "active", user: { id: member.id } });
  expect(await readStaffSession({ request: phone.request() })).toEqual({ status: "signed-out" });

  const browser = new StaffBrowser("192.0.2.171");
  expect(await signInWithPassword({ email: member.email, password: member.password, request: browser.request() })).toEqual({ ok: false, error: "invalid" });
  expect(await signInWithPassword({ email: member.email, password: newPassword, request: browser.request() })).toMatchObject({ ok: true, next: "second-factor" });
  const audited = (await allAuditRows()).filter((row) => row.action === "staff.password.changed");
  expect(audited).toEqual([expect.objectContaining({ actorId: member.id, ipAddress: member.browser.ipAddress })]);
});

it("regenerates recovery codes with the password: ten new ones, shown once, the old ones dead", async () => {
  const member = await newCoordinator();
  const staff = await staffContext(member.browser);
  expect(await regenerateRecoveryCodes({ staff, password: "not my passphrase at all" })).toEqual({ ok: false, error: "wrong-password" });
  const result = await regenerateRecoveryCodes({ staff, password: member.password });
  expect(result).toMatchObject({ ok: true });
  if (!result.ok) return;
  expect(result.recoveryCodes).toHaveLength(10);
  expect(result.recoveryCodes).not.toEqual(expect.arrayContaining([member.recoveryCodes[0]]));
  secretsSeen.push(...result.recoveryCodes, ...member.recoveryCodes);
  const stored = await getDb().staffTwoFactor.findFirstOrThrow({ where: { userId: member.id } });
  for (const code of result.recoveryCodes) expect(stored.backupCodes).not.toContain(code);

  const attempt = async (code: string) => {
    const browser = new StaffBrowser("192.0.2.172");
    const first = await signInWithPassword({ email: member.email, password: member.password, request: browser.request() });
    if (!first.ok) throw new Error(first.error);
    browser.absorb(first.setCookies);
    return verifySecondFactor({ code, kind: "recovery", request: browser.request() });
  };
  expect(await attempt(member.recoveryCodes[0] ?? "")).toEqual({ ok: false, error: "invalid" });
  expect(await attempt(result.recoveryCodes[0] ?? "")).toMatchObject({ ok: true });
  expect((await allAuditRows()).filter((row) => row.action === "staff.mfa.recovery_codes_regenerated" && row.actorId === member.id)).toHaveLength(1);
});

it("lists one's own recent sign-ins, including refused attempts on the account, and nobody else's", async () => {
  const member = await newCoordinator();
  const other = await newCoordinator();
  await signInWithPassword({ email: member.email, password: "someone guessing here", request: new StaffBrowser("192.0.2.173").request() });
  await signInWithPassword({ email: other.email, password: "someone guessing there", request: new StaffBrowser("192.0.2.174").request() });
  await signInWithTotp({ email: member.email, password: member.password, secret: member.secret, browser: new StaffBrowser("192.0.2.175") });
  const signIns = await listOwnSignIns({ userId: member.id });
  expect(signIns.slice(0, 2).map((signIn) => [signIn.outcome, signIn.ipAddress])).toEqual([
    ["signed in", "192.0.2.175"],
    ["refused", "192.0.2.173"],
  ]);
  expect(signIns.map((signIn) => signIn.ipAddress)).not.toContain("192.0.2.174");
});

it("lets an admin force a password change by a single-use link; the second factor is still needed after", async () => {
  const member = await newCoordinator();
  const before = smtp.messages.length;
  const sent = await sendPasswordResetLink({ admin: await staffContext(admin.browser), userId: member.id });
  expect(sent).toEqual({ emailSent: true });
  await smtp.waitForMessages(before + 1);
  const mail = await latestMailTo(smtp, member.email);
  expect(mail.subject).toMatch(/new .* password/);
  const token = accessLinkToken(mail.text ?? "");
  secretsSeen.push(token);
  // Nothing changed yet: the old password still works.
  expect(await signInWithPassword({ email: member.email, password: member.password, request: new StaffBrowser("192.0.2.176").request() })).toMatchObject({ ok: true });

  const chosen = "the password the admin never sees";
  secretsSeen.push(chosen);
  expect(await redeemPasswordResetLink({ token, password: "password", request: new StaffBrowser("192.0.2.177").request() })).toEqual({ ok: false, error: "weak-password" });
  expect(await redeemPasswordResetLink({ token, password: chosen, request: new StaffBrowser("192.0.2.177").request() })).toEqual({ ok: true });
  expect(await redeemPasswordResetLink({ token, password: "yet another passphrase here", request: new StaffBrowser("192.0.2.177").request() })).toEqual({
    ok: false,
    error: "invalid-link",
  });
  expect(await readStaffSession({ request: member.browser.request() })).toEqual({ status: "signed-out" });
  const browser = new StaffBrowser("192.0.2.178");
  expect(await signInWithPassword({ email: member.email, password: member.password, request: browser.request() })).toEqual({ ok: false, error: "invalid" });
  expect(await signInWithPassword({ email: member.email, password: chosen, request: browser.request() })).toMatchObject({ ok: true, next: "second-factor" });
  expect(await readStaffSession({ request: browser.request() })).toEqual({ status: "signed-out" });
  const actions = (await allAuditRows()).filter((row) => row.action.startsWith("staff.password.")).map((row) => row.action);
  expect(actions).toEqual(expect.arrayContaining(["staff.password.reset_link_sent", "staff.password.reset_by_link"]));
});

it("keeps every password, code and link out of the audit trail", async () => {
  const text = (await allAuditRows()).map((row) => JSON.stringify({ ...row, id: String(row.id) })).join("\n");
  expect(secretsSeen.length).toBeGreaterThan(20);
  for (const secret of secretsSeen) expect(text).not.toContain(secret);
});
