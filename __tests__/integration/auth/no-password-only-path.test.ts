import { redeemEnrolmentLink } from "@/lib/auth/access-links/redeem-enrolment-link";
import { resetStaffSecondFactor } from "@/lib/auth/admin/reset-staff-second-factor";
import { setStaffDisabled } from "@/lib/auth/admin/set-staff-disabled";
import { createFirstAdmin } from "@/lib/auth/create-first-admin";
import { disableUnenrolledAccounts, UNENROLLED_GRACE_HOURS } from "@/lib/auth/disable-unenrolled-accounts";
import { acceptStaffInvitation } from "@/lib/auth/invitations/accept-staff-invitation";
import { createStaffInvitation } from "@/lib/auth/invitations/create-staff-invitation";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { readStaffSession } from "@/lib/auth/staff-session";
import {
  accessLinkToken,
  enrolSecondFactor,
  invitationTokenFrom,
  inviteAndEnrol,
  latestMailTo,
  redeemLink,
  confirmedStaffContext,
  staffContext,
} from "@/__tests__/support/staff-accounts";
import { auditRowsWithAction } from "@/__tests__/support/staff-audit";
import { provideStaffAuthBed } from "@/__tests__/support/staff-auth-bed";
import { StaffBrowser } from "@/__tests__/support/staff-request";

// Issue 14: no password-only path into the staff area. Enrolment is reached
// only through a single-use, short-lived link (invitation, admin reset, the
// create-admin command); a password without an enrolled factor opens nothing;
// accounts left unenrolled past the invitation lifetime are disabled.
const bed = provideStaffAuthBed({ admin: { email: "first-admin@clinic.example", password: "first administrator passphrase" } });

let number = 0;
// Accepts an invitation and then leaves without enrolling.
async function acceptedButNotEnrolled(): Promise<{ id: string; email: string; password: string }> {
  number += 1;
  const email = `pending${number}@clinic.example`;
  const password = `pending passphrase number ${number}`;
  const before = bed.smtp.messages.length;
  await createStaffInvitation({ email, role: "coordinator", invitedById: bed.admin.id, request: new StaffBrowser().request() });
  await bed.smtp.waitForMessages(before + 1);
  const browser = new StaffBrowser();
  const accepted = await acceptStaffInvitation({ token: invitationTokenFrom(await latestMailTo(bed.smtp, email)), name: "Pat Pending", password, request: browser.request() });
  if (!accepted.ok) throw new Error(accepted.error);
  browser.absorb(accepted.setCookies);
  const state = await readStaffSession({ request: browser.request() });
  if (state.status !== "needs-second-factor") throw new Error(state.status);
  await bed.sql.query(`DELETE FROM "StaffSession" WHERE "userId" = $1`, [state.user.id]);
  return { id: state.user.id, email, password };
}

async function sessionCount(userId: string): Promise<number> {
  const { rows } = await bed.sql.query<{ n: string }>(`SELECT count(*) AS n FROM "StaffSession" WHERE "userId" = $1`, [userId]);
  return Number(rows[0]?.n);
}

it("refuses a password sign-in of an account without a second factor, leaves no session, and audits it", async () => {
  const pending = await acceptedButNotEnrolled();
  const browser = new StaffBrowser("192.0.2.150");
  expect(await signInWithPassword({ email: pending.email, password: pending.password, request: browser.request() })).toEqual({
    ok: false,
    error: "not-enrolled",
  });
  expect(await readStaffSession({ request: browser.request() })).toEqual({ status: "signed-out" });
  expect(await sessionCount(pending.id)).toBe(0);
  const refused = await auditRowsWithAction("staff.sign_in.refused_not_enrolled");
  expect(refused.filter((row) => row.ipAddress === "192.0.2.150")).toHaveLength(1);
  // A wrong password still answers the generic error: "not enrolled" is only told to whoever knows the password.
  expect(await signInWithPassword({ email: pending.email, password: "a wrong passphrase here", request: browser.request() })).toEqual({ ok: false, error: "invalid" });
});

it("prints a set-up link for the first admin that works once, and only with the password", async () => {
  const created = await createFirstAdmin({ email: "second-admin@clinic.example", name: "Sam", password: "another administrator passphrase" });
  expect(created.enrolmentUrl).toMatch(/\/staff\/enrol\/link#token=[A-Za-z0-9_-]{43}$/);
  const token = accessLinkToken(created.enrolmentUrl);
  const browser = new StaffBrowser("192.0.2.151");
  // A wrong password does not use the link up.
  expect(await redeemEnrolmentLink({ token, password: "not the password at all", request: browser.request() })).toEqual({ ok: false, error: "wrong-password" });
  expect(await sessionCount(created.userId)).toBe(0);
  await redeemLink(browser, created.enrolmentUrl, "another administrator passphrase");
  expect(await readStaffSession({ request: browser.request() })).toMatchObject({ status: "needs-second-factor", user: { id: created.userId } });
  // Single use.
  const again = await redeemEnrolmentLink({ token, password: "another administrator passphrase", request: new StaffBrowser("192.0.2.152").request() });
  expect(again).toEqual({ ok: false, error: "invalid-link" });
  await enrolSecondFactor(browser, "another administrator passphrase");
  expect(await readStaffSession({ request: browser.request() })).toMatchObject({ status: "active" });
});

it("lets two simultaneous uses of one link make at most one session", async () => {
  const created = await createFirstAdmin({ email: "race-admin@clinic.example", name: "Ray", password: "racing administrator passphrase" });
  const token = accessLinkToken(created.enrolmentUrl);
  const results = await Promise.all(
    ["192.0.2.153", "192.0.2.154", "192.0.2.155"].map((ip) =>
      redeemEnrolmentLink({ token, password: "racing administrator passphrase", request: new StaffBrowser(ip).request() }),
    ),
  );
  expect(results.filter((result) => result.ok)).toHaveLength(1);
  expect(await sessionCount(created.userId)).toBe(1);
});

it("refuses an expired link and a link replaced by a newer one", async () => {
  const coordinator = await inviteAndEnrol({ sink: bed.smtp, invitedById: bed.admin.id, email: "lost-phone@clinic.example", role: "coordinator", password: "lost phone passphrase" });
  await resetStaffSecondFactor({ admin: await confirmedStaffContext(bed.admin.browser, bed.admin.password), userId: coordinator.id });
  const firstLink = (await latestMailTo(bed.smtp, coordinator.email)).text ?? "";
  const before = bed.smtp.messages.length;
  await resetStaffSecondFactor({ admin: await confirmedStaffContext(bed.admin.browser, bed.admin.password), userId: coordinator.id });
  await bed.smtp.waitForMessages(before + 1);
  const secondLink = (await latestMailTo(bed.smtp, coordinator.email)).text ?? "";
  expect(accessLinkToken(secondLink)).not.toBe(accessLinkToken(firstLink));
  const browser = new StaffBrowser("192.0.2.156");
  expect(await redeemEnrolmentLink({ token: accessLinkToken(firstLink), password: coordinator.password, request: browser.request() })).toEqual({ ok: false, error: "invalid-link" });
  await bed.sql.query(`UPDATE "StaffAccessLink" SET "expiresAt" = now() - interval '1 second' WHERE "userId" = $1`, [coordinator.id]);
  expect(await redeemEnrolmentLink({ token: accessLinkToken(secondLink), password: coordinator.password, request: browser.request() })).toEqual({ ok: false, error: "invalid-link" });
  expect(await sessionCount(coordinator.id)).toBe(0);
});

it("stops a set-up link sent by an admin who has since been disabled", async () => {
  const otherAdmin = await inviteAndEnrol({ sink: bed.smtp, invitedById: bed.admin.id, email: "departing-admin@clinic.example", role: "admin", password: "departing admin passphrase" });
  const coordinator = await inviteAndEnrol({ sink: bed.smtp, invitedById: bed.admin.id, email: "reset-by-departing@clinic.example", role: "coordinator", password: "reset coordinator passphrase" });
  await resetStaffSecondFactor({ admin: await confirmedStaffContext(otherAdmin.browser, otherAdmin.password), userId: coordinator.id });
  const link = (await latestMailTo(bed.smtp, coordinator.email)).text ?? "";
  await setStaffDisabled({ admin: await staffContext(bed.admin.browser), userId: otherAdmin.id, disabled: true });
  expect(await redeemEnrolmentLink({ token: accessLinkToken(link), password: coordinator.password, request: new StaffBrowser("192.0.2.157").request() })).toEqual({
    ok: false,
    error: "invalid-link",
  });
});

it(`disables accounts left without a second factor for ${UNENROLLED_GRACE_HOURS} hours, and audits it`, async () => {
  const stale = await acceptedButNotEnrolled();
  const fresh = await acceptedButNotEnrolled();
  await bed.sql.query(`UPDATE "StaffUser" SET "createdAt" = now() - make_interval(hours => $2) WHERE "id" = $1`, [stale.id, UNENROLLED_GRACE_HOURS + 1]);
  // Old, but an admin sent a set-up link recently: not disabled yet.
  const resetLater = await inviteAndEnrol({ sink: bed.smtp, invitedById: bed.admin.id, email: "old-but-reset@clinic.example", role: "coordinator", password: "old but reset passphrase" });
  await resetStaffSecondFactor({ admin: await confirmedStaffContext(bed.admin.browser, bed.admin.password), userId: resetLater.id });
  await bed.sql.query(`UPDATE "StaffUser" SET "createdAt" = now() - make_interval(hours => $2) WHERE "id" IN ($1, $3)`, [resetLater.id, UNENROLLED_GRACE_HOURS + 5, bed.admin.id]);

  expect(await disableUnenrolledAccounts()).toBe(1);
  const { rows } = await bed.sql.query<{ id: string; banned: boolean }>(`SELECT "id", "banned" FROM "StaffUser" WHERE "id" = ANY($1)`, [
    [stale.id, fresh.id, resetLater.id, bed.admin.id],
  ]);
  expect(Object.fromEntries(rows.map((row) => [row.id, row.banned]))).toEqual({ [stale.id]: true, [fresh.id]: false, [resetLater.id]: false, [bed.admin.id]: false });
  const audited = await auditRowsWithAction("staff.user.disabled");
  expect(audited.filter((row) => (row.metadata as { subjectUserId?: string }).subjectUserId === stale.id)).toHaveLength(1);
  expect(await disableUnenrolledAccounts()).toBe(0);
});
