import { changeStaffRole, StaffAdminRefusedError } from "@/lib/auth/admin/change-staff-role";
import { resetStaffSecondFactor } from "@/lib/auth/admin/reset-staff-second-factor";
import { setStaffDisabled } from "@/lib/auth/admin/set-staff-disabled";
import { acceptStaffInvitation } from "@/lib/auth/invitations/accept-staff-invitation";
import { createStaffInvitation } from "@/lib/auth/invitations/create-staff-invitation";
import { confirmIdentity, hasRecentReauthentication, ReauthenticationRequiredError } from "@/lib/auth/reauthentication";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { readStaffSession } from "@/lib/auth/staff-session";
import {
  confirmedStaffContext,
  enrolSecondFactor,
  invitationTokenFrom,
  inviteAndEnrol,
  latestMailTo,
  signInWithTotp,
  staffContext,
  type StaffMember,
} from "@/__tests__/support/staff-accounts";
import { auditRowsWithAction } from "@/__tests__/support/staff-audit";
import { provideStaffAuthBed } from "@/__tests__/support/staff-auth-bed";
import { StaffBrowser } from "@/__tests__/support/staff-request";
import { totpCode } from "@/__tests__/support/totp";

// Issue 14, admin safety: never zero active admins, even under concurrent
// demotions; invitations die with their inviter's rights; disabled addresses
// can be invited again; "confirm it's you" before the riskiest actions.
const bed = provideStaffAuthBed({ admin: { email: "alice@clinic.example", password: "alice administrator passphrase" } });
let alice: StaffMember;
let bob: StaffMember;

beforeAll(async () => {
  alice = bed.admin;
  bob = await inviteAndEnrol({ sink: bed.smtp, invitedById: alice.id, email: "bob@clinic.example", role: "admin", password: "bob administrator passphrase" });
});

async function activeAdmins(): Promise<number> {
  const { rows } = await bed.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "StaffUser" WHERE "role" = 'admin' AND NOT "banned"`);
  return rows[0]?.n ?? 0;
}

async function invite(email: string, by: StaffMember, role: "admin" | "coordinator" = "coordinator"): Promise<string> {
  const before = bed.smtp.messages.length;
  await createStaffInvitation({ email, role, invitedById: by.id, request: new StaffBrowser().request() });
  await bed.smtp.waitForMessages(before + 1);
  return invitationTokenFrom(await latestMailTo(bed.smtp, email));
}

describe("at least one active admin", () => {
  it("lets only one of two admins demoting each other at the same moment succeed, ten times over", async () => {
    for (let round = 0; round < 10; round += 1) {
      const [aliceContext, bobContext] = [await staffContext(alice.browser), await staffContext(bob.browser)];
      const results = await Promise.allSettled([
        changeStaffRole({ admin: aliceContext, userId: bob.id, role: "coordinator" }),
        changeStaffRole({ admin: bobContext, userId: alice.id, role: "coordinator" }),
      ]);
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      const refused = results.find((result) => result.status === "rejected");
      expect(refused?.status === "rejected" && refused.reason).toBeInstanceOf(StaffAdminRefusedError);
      expect(await activeAdmins()).toBe(1);
      // Put things back: whoever is still admin promotes the other.
      const aliceWon = results[0]?.status === "fulfilled";
      const winner = aliceWon ? alice : bob;
      await changeStaffRole({ admin: await staffContext(winner.browser), userId: (aliceWon ? bob : alice).id, role: "admin" });
      expect(await activeAdmins()).toBe(2);
    }
  });

  it("lets only one of two admins disabling each other at the same moment succeed", async () => {
    const results = await Promise.allSettled([
      setStaffDisabled({ admin: await staffContext(alice.browser), userId: bob.id, disabled: true }),
      setStaffDisabled({ admin: await staffContext(bob.browser), userId: alice.id, disabled: true }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await activeAdmins()).toBe(1);
    const aliceWon = results[0]?.status === "fulfilled";
    const loser = aliceWon ? bob : alice;
    await setStaffDisabled({ admin: await staffContext((aliceWon ? alice : bob).browser), userId: loser.id, disabled: false });
    // The loser's sessions ended when disabled: sign in again.
    loser.browser = new StaffBrowser(loser.browser.ipAddress);
    await signInWithTotp({ email: loser.email, password: loser.password, secret: loser.secret, browser: loser.browser });
    expect(await activeAdmins()).toBe(2);
  });
});

describe("invitations", () => {
  it("stop working once the admin who sent them is disabled", async () => {
    const carol = await inviteAndEnrol({ sink: bed.smtp, invitedById: alice.id, email: "carol@clinic.example", role: "admin", password: "carol administrator passphrase" });
    const token = await invite("dave@clinic.example", carol);
    await setStaffDisabled({ admin: await staffContext(alice.browser), userId: carol.id, disabled: true });
    const accepted = await acceptStaffInvitation({ token, name: "Dave", password: "dave coordinator passphrase", request: new StaffBrowser().request() });
    expect(accepted).toEqual({ ok: false, error: "invalid-invitation" });
    const { rows } = await bed.sql.query(`SELECT 1 FROM "StaffUser" WHERE "email" = 'dave@clinic.example'`);
    expect(rows).toEqual([]);
  });

  it("can be sent again to the address of a disabled account, which comes back with a new password and no second factor", async () => {
    const erin = await inviteAndEnrol({ sink: bed.smtp, invitedById: alice.id, email: "erin@clinic.example", role: "coordinator", password: "erin first passphrase" });
    await expect(createStaffInvitation({ email: erin.email, role: "coordinator", invitedById: alice.id, request: new StaffBrowser().request() })).rejects.toThrow(
      "active staff account",
    );
    await setStaffDisabled({ admin: await staffContext(alice.browser), userId: erin.id, disabled: true });
    const token = await invite(erin.email, alice, "admin");
    const browser = new StaffBrowser("192.0.2.160");
    const accepted = await acceptStaffInvitation({ token, name: "Erin Again", password: "erin second passphrase", request: browser.request() });
    expect(accepted).toMatchObject({ ok: true });
    if (!accepted.ok) return;
    browser.absorb(accepted.setCookies);
    expect(await readStaffSession({ request: browser.request() })).toMatchObject({
      status: "needs-second-factor",
      user: { id: erin.id, name: "Erin Again", role: "admin" },
    });
    // The old password and the old authenticator are gone.
    expect(await signInWithPassword({ email: erin.email, password: "erin first passphrase", request: new StaffBrowser("192.0.2.161").request() })).toEqual({
      ok: false,
      error: "invalid",
    });
    const { rows } = await bed.sql.query(`SELECT 1 FROM "StaffTwoFactor" WHERE "userId" = $1`, [erin.id]);
    expect(rows).toEqual([]);
    await enrolSecondFactor(browser, "erin second passphrase");
    expect(await readStaffSession({ request: browser.request() })).toMatchObject({ status: "active", user: { id: erin.id } });
  });
});

describe("confirm it's you", () => {
  it("is required before a second-factor reset, and lasts five minutes on that session only", async () => {
    const frank = await inviteAndEnrol({ sink: bed.smtp, invitedById: alice.id, email: "frank@clinic.example", role: "coordinator", password: "frank coordinator passphrase" });
    await expect(resetStaffSecondFactor({ admin: await staffContext(alice.browser), userId: frank.id })).rejects.toBeInstanceOf(ReauthenticationRequiredError);
    const { rows: untouched } = await bed.sql.query(`SELECT 1 FROM "StaffTwoFactor" WHERE "userId" = $1`, [frank.id]);
    expect(untouched).toHaveLength(1);

    const context = await confirmedStaffContext(alice.browser, alice.password);
    expect(await hasRecentReauthentication(context)).toBe(true);
    // Another session of the same admin is not confirmed by this one.
    const laptop = new StaffBrowser("192.0.2.162");
    await signInWithTotp({ email: alice.email, password: alice.password, secret: alice.secret, browser: laptop });
    expect(await hasRecentReauthentication(await staffContext(laptop))).toBe(false);

    await bed.sql.query(`UPDATE "StaffSession" SET "reauthenticatedAt" = now() - interval '6 minutes' WHERE "id" = $1`, [context.session.id]);
    await expect(resetStaffSecondFactor({ admin: await staffContext(alice.browser), userId: frank.id })).rejects.toBeInstanceOf(ReauthenticationRequiredError);
    await resetStaffSecondFactor({ admin: await confirmedStaffContext(alice.browser, alice.password), userId: frank.id });
  });

  it("accepts a fresh code once, refuses a wrong password, and audits both without the secret", async () => {
    const staff = await staffContext(bob.browser);
    expect(await confirmIdentity({ staff, secret: "not bob's passphrase" })).toEqual({ ok: false, error: "invalid" });
    const code = totpCode(bob.secret);
    expect(await confirmIdentity({ staff, secret: code })).toEqual({ ok: true });
    expect(await confirmIdentity({ staff, secret: code })).toEqual({ ok: false, error: "invalid" });
    const failed = await auditRowsWithAction("staff.reauthentication.failed");
    const confirmed = await auditRowsWithAction("staff.reauthenticated");
    expect(failed.filter((row) => row.actorId === bob.id).map((row) => row.metadata)).toEqual([{ method: "password" }, { method: "totp" }]);
    expect(confirmed.filter((row) => row.actorId === bob.id).map((row) => row.metadata)).toEqual([{ method: "totp" }]);
    const text = JSON.stringify([...failed, ...confirmed].map((row) => row.metadata));
    expect(text).not.toContain(code);
    expect(text).not.toContain("passphrase");
  });
});
