import { ADDRESS_MAX_FAILURES } from "@/lib/auth/sign-in-throttle";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { readStaffSession } from "@/lib/auth/staff-session";
import { numberedAdmins } from "@/__tests__/support/numbered-admins";
import { quietBetterAuthWarnings } from "@/__tests__/support/quiet-better-auth";
import { passwordStep, verifyCode } from "@/__tests__/support/second-factor-steps";
import { codeMinutesLater, wrongTotpCode } from "@/__tests__/support/staff-accounts";
import { auditRowsWithAction } from "@/__tests__/support/staff-audit";
import { StaffBrowser } from "@/__tests__/support/staff-request";
import { provideTestDatabaseClient } from "@/__tests__/support/test-database-client";
import { totpCode } from "@/__tests__/support/totp";

// Issue 4, two-factor: a TOTP code (or a one-time recovery code) after the
// password, wrong codes refused, and Better Auth's per-account lockout after
// five wrong codes on top of our per-address throttle.
const database = provideTestDatabaseClient();
quietBetterAuthWarnings();

const newAccount = numberedAdmins((n) => ({ email: `mfa${n}@clinic.example`, password: `second factor passphrase ${n}` }));

it("gives no session after the password alone", async () => {
  const member = await newAccount();
  const browser = await passwordStep(member, "192.0.2.50");
  expect(await readStaffSession({ request: browser.request() })).toEqual({ status: "signed-out" });
});

it("refuses a wrong code, then accepts the right one in the same challenge", async () => {
  const member = await newAccount();
  const browser = await passwordStep(member, "192.0.2.51");
  expect(await verifyCode(browser, wrongTotpCode(member.secret))).toEqual({ ok: false, error: "invalid" });
  expect(await readStaffSession({ request: browser.request() })).toEqual({ status: "signed-out" });
  expect(await verifyCode(browser, totpCode(member.secret))).toMatchObject({ ok: true });
  expect(await readStaffSession({ request: browser.request() })).toMatchObject({ status: "active", user: { id: member.id } });
});

it("accepts a code typed with spaces", async () => {
  const member = await newAccount();
  const browser = await passwordStep(member, "192.0.2.52");
  const code = totpCode(member.secret);
  expect(await verifyCode(browser, ` ${code.slice(0, 3)} ${code.slice(3)} `)).toMatchObject({ ok: true });
});

it("answers 'expired' to a code without a password step first", async () => {
  const member = await newAccount();
  expect(await verifyCode(new StaffBrowser("192.0.2.53"), totpCode(member.secret))).toEqual({ ok: false, error: "expired" });
});

it("accepts each recovery code once, and audits its use", async () => {
  const member = await newAccount();
  const [recoveryCode] = member.recoveryCodes;
  if (!recoveryCode) throw new Error("no recovery codes");

  const first = await passwordStep(member, "192.0.2.54");
  expect(await verifyCode(first, recoveryCode, "recovery")).toMatchObject({ ok: true });
  expect(await readStaffSession({ request: first.request() })).toMatchObject({ status: "active", user: { id: member.id } });
  const used = await auditRowsWithAction("staff.mfa.recovery_code_used");
  expect(used).toHaveLength(1);
  expect(used[0]).toMatchObject({ actorId: member.id, ipAddress: "192.0.2.54" });

  const second = await passwordStep(member, "192.0.2.54");
  expect(await verifyCode(second, recoveryCode, "recovery")).toEqual({ ok: false, error: "invalid" });
  expect(await readStaffSession({ request: second.request() })).toEqual({ status: "signed-out" });
  // Another one of the ten still works.
  expect(await verifyCode(second, member.recoveryCodes[1] ?? "", "recovery")).toMatchObject({ ok: true });
  expect(await auditRowsWithAction("staff.mfa.recovery_code_used")).toHaveLength(2);
});

it("locks the account after five wrong codes: even the right code, on a new challenge, answers 'locked'", async () => {
  const member = await newAccount();
  const bystander = await newAccount();
  const browser = await passwordStep(member, "192.0.2.60");
  for (let i = 0; i < 5; i += 1) expect(await verifyCode(browser, wrongTotpCode(member.secret))).toEqual({ ok: false, error: "invalid" });
  expect(await verifyCode(browser, totpCode(member.secret))).toMatchObject({ ok: false, error: "locked" });

  const { rows } = await database.sql.query<{ lockedUntil: Date | null }>(`SELECT "lockedUntil" FROM "StaffTwoFactor" WHERE "userId" = $1`, [member.id]);
  expect(rows[0]?.lockedUntil?.getTime()).toBeGreaterThan(Date.now());

  const fresh = await passwordStep(member, "192.0.2.61");
  expect(await verifyCode(fresh, totpCode(member.secret))).toMatchObject({ ok: false, error: "locked" });
  expect(await readStaffSession({ request: fresh.request() })).toEqual({ status: "signed-out" });

  // Per account: someone else signing in from the same machine is unaffected.
  const other = await passwordStep(bystander, "192.0.2.60");
  expect(await verifyCode(other, totpCode(bystander.secret))).toMatchObject({ ok: true });
});

it("sends a challenge that used up its five attempts back to the password step ('expired')", async () => {
  const member = await newAccount();
  const worn = await passwordStep(member, "192.0.2.65");
  for (let i = 0; i < 4; i += 1) expect(await verifyCode(worn, wrongTotpCode(member.secret))).toEqual({ ok: false, error: "invalid" });
  // A sign-in elsewhere resets the account's count, so no account lockout
  // comes first; the fifth miss on the old challenge uses up its attempts.
  expect(await verifyCode(await passwordStep(member, "192.0.2.65"), await codeMinutesLater(member))).toMatchObject({ ok: true });
  expect(await verifyCode(worn, wrongTotpCode(member.secret))).toEqual({ ok: false, error: "invalid" });
  expect(await verifyCode(worn, await codeMinutesLater(member))).toEqual({ ok: false, error: "expired" });
  expect(await readStaffSession({ request: worn.request() })).toEqual({ status: "signed-out" });
  // A new challenge works.
  expect(await verifyCode(await passwordStep(member, "192.0.2.65"), await codeMinutesLater(member))).toMatchObject({ ok: true });
  // Each accepted code is a fresh step (replay protection): the server is
  // made to forget the last one rather than the test waiting 30 s each time.
});

it("refuses the code step from an address that is locked out", async () => {
  const member = await newAccount();
  const browser = await passwordStep(member, "192.0.2.70");
  for (let i = 0; i < ADDRESS_MAX_FAILURES; i += 1) {
    await signInWithPassword({ email: `spray${i}@clinic.example`, password: "some passphrase or other", request: new StaffBrowser("192.0.2.70").request() });
  }
  expect(await verifyCode(browser, await codeMinutesLater(member))).toMatchObject({ ok: false, error: "locked" });
  expect(await readStaffSession({ request: browser.request() })).toEqual({ status: "signed-out" });
});
