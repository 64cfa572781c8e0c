import { changeStaffRole, StaffAdminRefusedError } from "@/lib/auth/admin/change-staff-role";
import { resetStaffSecondFactor } from "@/lib/auth/admin/reset-staff-second-factor";
import { sendPasswordResetLink } from "@/lib/auth/admin/send-password-reset-link";
import { setStaffDisabled } from "@/lib/auth/admin/set-staff-disabled";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { readStaffSession } from "@/lib/auth/staff-session";
import { verifySecondFactor } from "@/lib/auth/verify-second-factor";
import { StaffNotActiveError } from "@/lib/triage/access/triage-errors";
import {
  enrolSecondFactor,
  inviteAndEnrol,
  latestMailTo,
  redeemLink,
  signInWithTotp,
  confirmedStaffContext,
  staffContext,
  type StaffMember,
} from "@/__tests__/support/staff-accounts";
import { provideStaffAuthBed } from "@/__tests__/support/staff-auth-bed";
import { StaffBrowser } from "@/__tests__/support/staff-request";
import { totpCode } from "@/__tests__/support/totp";

// Issue 4, administration: disabling ends a user's sessions at once and
// blocks sign-in with the generic error; roles change on the next request;
// an admin can reset a colleague's second factor but never act on themselves.
const bed = provideStaffAuthBed({ admin: { email: "admin@clinic.example", password: "administrator passphrase" } });

let coordinatorNumber = 0;
async function newCoordinator(): Promise<StaffMember> {
  coordinatorNumber += 1;
  return inviteAndEnrol({
    sink: bed.smtp,
    invitedById: bed.admin.id,
    email: `coordinator${coordinatorNumber}@clinic.example`,
    role: "coordinator",
    password: `coordinator passphrase ${coordinatorNumber}`,
  });
}

async function sessionCount(userId: string): Promise<number> {
  const { rows } = await bed.sql.query<{ n: string }>(`SELECT count(*) AS n FROM "StaffSession" WHERE "userId" = $1`, [userId]);
  return Number(rows[0]?.n);
}

describe("disabling a user", () => {
  it("ends every session at once and refuses sign-in with the same answer as a wrong password", async () => {
    const coordinator = await newCoordinator();
    const second = new StaffBrowser("192.0.2.90");
    await signInWithTotp({ email: coordinator.email, password: coordinator.password, secret: coordinator.secret, browser: second });
    expect(await sessionCount(coordinator.id)).toBe(2);

    await setStaffDisabled({ admin: await staffContext(bed.admin.browser), userId: coordinator.id, disabled: true });
    expect(await sessionCount(coordinator.id)).toBe(0);
    expect(await readStaffSession({ request: coordinator.browser.request() })).toEqual({ status: "signed-out" });
    expect(await readStaffSession({ request: second.request() })).toEqual({ status: "signed-out" });

    const rightPassword = await signInWithPassword({ email: coordinator.email, password: coordinator.password, request: new StaffBrowser("192.0.2.91").request() });
    const wrongPassword = await signInWithPassword({ email: coordinator.email, password: "not the passphrase", request: new StaffBrowser("192.0.2.92").request() });
    expect(rightPassword).toEqual({ ok: false, error: "invalid" });
    expect(rightPassword).toEqual(wrongPassword);
  });

  it("stops a sign-in that was between the password and the code", async () => {
    const coordinator = await newCoordinator();
    const browser = new StaffBrowser("192.0.2.93");
    const first = await signInWithPassword({ email: coordinator.email, password: coordinator.password, request: browser.request() });
    if (!first.ok) throw new Error(first.error);
    browser.absorb(first.setCookies);
    await setStaffDisabled({ admin: await staffContext(bed.admin.browser), userId: coordinator.id, disabled: true });
    expect(await verifySecondFactor({ code: totpCode(coordinator.secret), kind: "totp", request: browser.request() })).toMatchObject({ ok: false });
    expect(await readStaffSession({ request: browser.request() })).toEqual({ status: "signed-out" });
    expect(await sessionCount(coordinator.id)).toBe(0);
  });

  it("enabling again lets the user sign in", async () => {
    const coordinator = await newCoordinator();
    const context = await staffContext(bed.admin.browser);
    await setStaffDisabled({ admin: context, userId: coordinator.id, disabled: true });
    await setStaffDisabled({ admin: context, userId: coordinator.id, disabled: false });
    const browser = new StaffBrowser("192.0.2.94");
    await signInWithTotp({ email: coordinator.email, password: coordinator.password, secret: coordinator.secret, browser });
    expect(await readStaffSession({ request: browser.request() })).toMatchObject({ status: "active", user: { id: coordinator.id } });
  });

  it("refuses an unknown account", async () => {
    await expect(setStaffDisabled({ admin: await staffContext(bed.admin.browser), userId: "no-such-user", disabled: true })).rejects.toBeInstanceOf(
      StaffAdminRefusedError,
    );
  });
});

describe("changing a role", () => {
  it("takes effect on the user's next request, in both directions", async () => {
    const coordinator = await newCoordinator();
    const context = await staffContext(bed.admin.browser);
    expect(await readStaffSession({ request: coordinator.browser.request() })).toMatchObject({ status: "active", user: { role: "coordinator" } });
    await changeStaffRole({ admin: context, userId: coordinator.id, role: "admin" });
    expect(await readStaffSession({ request: coordinator.browser.request() })).toMatchObject({ status: "active", user: { role: "admin" } });
    await changeStaffRole({ admin: context, userId: coordinator.id, role: "coordinator" });
    expect(await readStaffSession({ request: coordinator.browser.request() })).toMatchObject({ status: "active", user: { role: "coordinator" } });
  });

  it("refuses an unknown account", async () => {
    await expect(changeStaffRole({ admin: await staffContext(bed.admin.browser), userId: "no-such-user", role: "admin" })).rejects.toBeInstanceOf(
      StaffAdminRefusedError,
    );
  });
});

describe("resetting a second factor", () => {
  it("signs the user out; the next sign-in needs a new authenticator, and the old one no longer counts", async () => {
    const coordinator = await newCoordinator();
    await resetStaffSecondFactor({ admin: await confirmedStaffContext(bed.admin.browser, bed.admin.password), userId: coordinator.id });
    expect(await readStaffSession({ request: coordinator.browser.request() })).toEqual({ status: "signed-out" });
    const { rows } = await bed.sql.query(`SELECT 1 FROM "StaffTwoFactor" WHERE "userId" = $1`, [coordinator.id]);
    expect(rows).toEqual([]);

    // Issue 14: the password alone no longer reaches enrolment; the emailed
    // single-use link (with the password) does.
    const browser = new StaffBrowser("192.0.2.95");
    const first = await signInWithPassword({ email: coordinator.email, password: coordinator.password, request: browser.request() });
    expect(first).toEqual({ ok: false, error: "not-enrolled" });
    expect(await readStaffSession({ request: browser.request() })).toEqual({ status: "signed-out" });
    const mail = await latestMailTo(bed.smtp, coordinator.email);
    expect(mail.subject).toMatch(/two-step sign-in/);
    await redeemLink(browser, mail.text ?? "", coordinator.password);
    expect(await readStaffSession({ request: browser.request() })).toMatchObject({ status: "needs-second-factor", user: { id: coordinator.id } });

    const enrolled = await enrolSecondFactor(browser, coordinator.password);
    expect(enrolled.secret).not.toBe(coordinator.secret);
    expect(await readStaffSession({ request: browser.request() })).toMatchObject({ status: "active" });

    const laptop = new StaffBrowser("192.0.2.96");
    const again = await signInWithPassword({ email: coordinator.email, password: coordinator.password, request: laptop.request() });
    if (!again.ok) throw new Error(again.error);
    laptop.absorb(again.setCookies);
    const stale = totpCode(coordinator.secret);
    if (stale !== totpCode(enrolled.secret)) {
      expect(await verifySecondFactor({ code: stale, kind: "totp", request: laptop.request() })).toEqual({ ok: false, error: "invalid" });
    }
    expect(await verifySecondFactor({ code: coordinator.recoveryCodes[0] ?? "", kind: "recovery", request: laptop.request() })).toEqual({
      ok: false,
      error: "invalid",
    });
  });
});

describe("an admin acting on themselves", () => {
  it("cannot disable, demote, or reset the second factor of their own account", async () => {
    const context = await staffContext(bed.admin.browser);
    await expect(setStaffDisabled({ admin: context, userId: bed.admin.id, disabled: true })).rejects.toBeInstanceOf(StaffAdminRefusedError);
    await expect(changeStaffRole({ admin: context, userId: bed.admin.id, role: "coordinator" })).rejects.toBeInstanceOf(StaffAdminRefusedError);
    await expect(resetStaffSecondFactor({ admin: context, userId: bed.admin.id })).rejects.toBeInstanceOf(StaffAdminRefusedError);
    expect(await readStaffSession({ request: bed.admin.browser.request() })).toMatchObject({ status: "active", user: { role: "admin" } });
    const { rows } = await bed.sql.query(`SELECT "banned", "twoFactorEnabled" FROM "StaffUser" WHERE "id" = $1`, [bed.admin.id]);
    expect(rows).toEqual([{ banned: false, twoFactorEnabled: true }]);
  });
});

describe("an admin demoted while their page was open", () => {
  it("can no longer send reset links or revoke anything: the stored role is read in the operation's transaction", async () => {
    const member = await newCoordinator();
    const second = await inviteAndEnrol({ sink: bed.smtp, invitedById: bed.admin.id, email: "second-admin@clinic.example", role: "admin", password: "second admin passphrase" });
    const staleContext = await staffContext(second.browser);
    expect(staleContext.user.role).toBe("admin");
    await bed.sql.query(`UPDATE "StaffUser" SET "role" = 'coordinator' WHERE "id" = $1`, [second.id]);
    const before = await bed.sql.query(`SELECT count(*)::int AS n FROM "StaffAccessLink" WHERE "userId" = $1`, [member.id]);
    await expect(sendPasswordResetLink({ admin: staleContext, userId: member.id })).rejects.toBeInstanceOf(StaffNotActiveError);
    const after = await bed.sql.query(`SELECT count(*)::int AS n FROM "StaffAccessLink" WHERE "userId" = $1`, [member.id]);
    expect(after.rows).toEqual(before.rows);
  });
});
