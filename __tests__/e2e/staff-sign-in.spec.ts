import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { e2eSettings } from "./support/settings";
import { createAdminWithCli } from "./support/staff/create-admin-with-cli";
import { invitationLinkFor } from "./support/staff/invitation-mail";
import { staffUserByEmail } from "./support/staff/staff-database";
import { watchStaffDocuments } from "./support/staff/staff-documents";
import {
  acceptInvitation,
  finishEnrolment,
  inviteFromUsersPage,
  signInWithPassword,
  signInWithTotp,
  signOut,
  startEnrolment,
  submitPassword,
  type EnrolledFactor,
} from "./support/staff/staff-flows";
import { totpCode } from "@/__tests__/support/totp";

// The staff sign-in in Chromium, as people go through it: the first admin
// made on the command line, password then authenticator code, enrolment
// (the key read off the page, the codes computed as an authenticator app
// would), recovery codes, an invitation picked up from the SMTP server, and a
// coordinator turned away from admin pages. axe-core on every screen; every
// staff document checked for no-store, noindex and a nonce-based CSP.

test.describe.configure({ mode: "serial" });

const tag = randomBytes(3).toString("hex");
const admin = { email: `first-admin-${tag}@clinic.example`, name: `Avery Admin ${tag}`, password: `the ${tag} heron fishes at low tide` };
const coordinator = { email: `coordinator-${tag}@clinic.example`, name: `Casey Coordinator ${tag}`, password: `my ${tag} kettle sings in E flat` };
let adminFactor: EnrolledFactor;

/** A code the authenticator would not show now, nor one step either side. */
function wrongCode(secret: string): string {
  const now = Date.now();
  const valid = new Set([-60_000, -30_000, 0, 30_000, 60_000].map((offset) => totpCode(secret, now + offset)));
  for (let n = Number(totpCode(secret, now)) + 1; ; n += 1) {
    const candidate = String(n % 1_000_000).padStart(6, "0");
    if (!valid.has(candidate)) return candidate;
  }
}

/** The form's own alert (Next.js's route announcer has role alert too). */
const formAlert = (page: Page) => page.locator("form").getByRole("alert");

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: e2eSettings().baseUrl });
  return context.newPage();
}

test("the first admin, made on the command line, opens the printed set-up link, enrols an authenticator and lands on the staff home page", async ({ page }) => {
  test.setTimeout(120_000);
  const documents = watchStaffDocuments(page);
  const { output } = await createAdminWithCli(admin);
  expect(output).toContain(`Administrator ${admin.email} created`);
  // The command makes a first admin once per address, never twice.
  await expect(createAdminWithCli(admin)).rejects.toThrow(/already has a staff account/);

  // Signed out, the staff area sends people to the sign-in page.
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff\/sign-in$/);
  await expect(page.getByRole("heading", { level: 1, name: "Staff sign-in" })).toBeVisible();
  await expectNoAxeViolations(page, "/staff/sign-in");

  // The password alone opens nothing (issue 14): the command printed a one-time set-up link.
  await submitPassword(page, admin);
  await expect(formAlert(page)).toHaveText(/no two-step sign-in set up.*Ask an administrator/);
  await expect(page).toHaveURL(/\/staff\/sign-in$/);
  const token = /\/staff\/enrol\/link#token=([A-Za-z0-9_-]{43})/.exec(output)?.[1] ?? "";
  expect(token).not.toBe("");
  await page.goto(`/staff/enrol/link#token=${token}`);
  await expect(page.getByRole("heading", { level: 1, name: "Set up two-step sign-in" })).toBeVisible();
  await expectNoAxeViolations(page, "/staff/enrol/link");
  await page.getByLabel("Your password").fill(admin.password);
  await page.getByRole("button", { name: "Continue to set-up" }).click();
  await expect(page).toHaveURL(/\/staff\/enrol$/);
  // Loaded again as a document, for its headers.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Set up two-step sign-in" })).toBeVisible();
  await expectNoAxeViolations(page, "/staff/enrol (password step)");

  adminFactor = await startEnrolment(page, admin.password);
  await expect(page.getByRole("img", { name: "QR code to add this account to your authenticator app" })).toBeVisible();
  await expectNoAxeViolations(page, "/staff/enrol (key, recovery codes and code step)");
  await finishEnrolment(page, adminFactor.secret);
  await expect(page.getByRole("heading", { level: 1, name: `Hello, ${admin.name}` })).toBeVisible();
  expect((await staffUserByEmail(admin.email)).twoFactorEnabled).toBe(true);

  await page.goto("/staff");
  await expectNoAxeViolations(page, "/staff (home)");
  await page.goto("/staff/account");
  await expect(page.getByText(admin.email)).toBeVisible();
  await expectNoAxeViolations(page, "/staff/account");
  await page.goto("/staff/admin/users");
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  await expectNoAxeViolations(page, "/staff/admin/users");
  await page.goto("/staff/admin/audit");
  await expect(page.getByRole("cell", { name: "staff.mfa.enrolled" }).first()).toBeVisible();
  await expectNoAxeViolations(page, "/staff/admin/audit");

  await signOut(page);
  await page.goto("/staff/account");
  await expect(page).toHaveURL(/\/staff\/sign-in$/);
  await documents.expectChecked(["/staff/sign-in", "/staff/enrol/link", "/staff/enrol", "/staff", "/staff/account", "/staff/admin/users", "/staff/admin/audit"]);
});

test("signing in again takes the password and a TOTP code; a wrong code is refused; a recovery code works once", async ({ page }) => {
  test.setTimeout(90_000);
  const documents = watchStaffDocuments(page);
  await signInWithPassword(page, admin);
  await expect(page).toHaveURL(/\/staff\/sign-in\/verify$/);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Enter your code" })).toBeVisible();
  await expectNoAxeViolations(page, "/staff/sign-in/verify");

  const codeField = page.getByLabel("6-digit code from your authenticator app");
  await codeField.fill(wrongCode(adminFactor.secret));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(formAlert(page)).toHaveText("That code did not work. Check the time on your phone and try the newest code.");
  await expect(page).toHaveURL(/\/staff\/sign-in\/verify$/);
  await expectNoAxeViolations(page, "/staff/sign-in/verify with a wrong code");

  // The same challenge accepts the right code after a wrong one.
  await codeField.fill(totpCode(adminFactor.secret));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByRole("heading", { level: 1, name: `Hello, ${admin.name}` })).toBeVisible();
  await signOut(page);

  // A recovery code instead of the app.
  const [recoveryCode] = adminFactor.recoveryCodes;
  if (!recoveryCode) throw new Error("no recovery code");
  const useRecoveryCode = async () => {
    await signInWithPassword(page, admin);
    await expect(page).toHaveURL(/\/staff\/sign-in\/verify$/);
    await page.getByRole("button", { name: "Use a recovery code instead" }).click();
    await page.getByLabel("Recovery code").fill(recoveryCode);
    await page.getByRole("button", { name: "Sign in" }).click();
  };
  await useRecoveryCode();
  await expect(page).toHaveURL(/\/staff$/);
  await signOut(page);

  // Used once, it is spent.
  await useRecoveryCode();
  await expect(formAlert(page)).toHaveText(/That code did not work/);
  await expect(page).toHaveURL(/\/staff\/sign-in\/verify$/);
  await documents.expectChecked(["/staff/sign-in/verify"]);
});

test("an admin invites a coordinator, who creates the account from the emailed link, enrols, and is refused the admin pages", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInWithTotp(page, { ...admin, secret: adminFactor.secret });
  await inviteFromUsersPage(page, { email: coordinator.email, role: "coordinator" });
  await expect(page.getByRole("listitem").filter({ hasText: coordinator.email })).toBeVisible();

  const { link, mail } = await invitationLinkFor(coordinator.email);
  // The token travels in the fragment, which browsers never send to a server.
  expect(link).toMatch(/\/staff\/invitation#token=/);
  expect(new URL(link).search).toBe("");
  expect(mail.subject ?? "").not.toMatch(/addiction|substance|treatment/i);

  // The invitee, in a browser of their own.
  const invitee = await freshPage(browser);
  const documents = watchStaffDocuments(invitee);
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { level: 1, name: "Create your staff account" })).toBeVisible();
  await expect(invitee.getByLabel("Your name")).toBeVisible();
  await expectNoAxeViolations(invitee, "/staff/invitation");
  await acceptInvitation(invitee, { link, name: coordinator.name, password: coordinator.password });
  const factor = await startEnrolment(invitee, coordinator.password);
  await finishEnrolment(invitee, factor.secret);
  await expect(invitee.getByRole("heading", { level: 1, name: `Hello, ${coordinator.name}` })).toBeVisible();
  const staffNav = invitee.getByRole("navigation", { name: "Staff" });
  await expect(staffNav.getByRole("link", { name: "My account" })).toBeVisible();
  await expect(staffNav.getByRole("link", { name: "Users" })).toHaveCount(0);

  // A coordinator typing an admin address gets a 403 page and nothing of the admin's.
  for (const adminPath of ["/staff/admin/users", "/staff/admin/audit"]) {
    const response = await invitee.goto(adminPath);
    expect(response?.status(), adminPath).toBe(403);
    await expect(invitee.getByRole("heading", { level: 1, name: "Not available to your role" })).toBeVisible();
    const html = (await response?.text()) ?? "";
    expect(html, `${adminPath} as a coordinator`).not.toContain(admin.email);
    expect(html, `${adminPath} as a coordinator`).not.toContain("Invite a colleague");
  }
  await expectNoAxeViolations(invitee, "the 403 page");
  await documents.expectChecked(["/staff/invitation", "/staff/admin/users", "/staff/admin/audit"]);

  // The link worked once.
  const replay = await freshPage(browser);
  await replay.goto(link);
  await replay.getByLabel("Your name").fill("Someone Else");
  await replay.getByLabel("Choose a password").fill("another long passphrase 42");
  await replay.getByLabel("Type the password again").fill("another long passphrase 42");
  await replay.getByRole("button", { name: "Create my account" }).click();
  await expect(formAlert(replay)).toContainText("This invitation has expired, was already used or was replaced by a newer one.");
  await expect(replay).toHaveURL(/\/staff\/invitation/);
  await replay.context().close();
  await invitee.context().close();
});

test("on My account, a person makes new recovery codes and changes their password (current password and a code)", async ({ page }) => {
  test.setTimeout(120_000);
  await signInWithTotp(page, { ...admin, secret: adminFactor.secret });
  await page.goto("/staff/account");
  await expect(page.getByRole("heading", { level: 2, name: "Recent sign-ins" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Signed in", exact: true }).first()).toBeVisible();
  await expectNoAxeViolations(page, "/staff/account (self-service)");

  // New recovery codes, shown once; the old ones stop working.
  await page.getByLabel("Your password", { exact: true }).fill(admin.password);
  await page.getByRole("button", { name: "Make new recovery codes" }).click();
  const codes = page.locator("ul.codes li");
  await expect(codes).toHaveCount(10);
  const newCodes = (await codes.allTextContents()).map((code) => code.trim());
  expect(newCodes).not.toContain(adminFactor.recoveryCodes[1]);
  await expectNoAxeViolations(page, "/staff/account (new recovery codes)");

  // A wrong code keeps the old password and says which field is wrong.
  const newPassword = `${admin.password} and a new verse`;
  await page.getByLabel("Current password").fill(admin.password);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Type the new password again").fill(newPassword);
  await page.getByLabel("6-digit code from your authenticator app").fill(wrongCode(adminFactor.secret));
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That code did not work. Wait for the next code in your app and try again.")).toBeVisible();
  await expectNoAxeViolations(page, "/staff/account (password change refused)");

  await page.getByLabel("Current password").fill(admin.password);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Type the new password again").fill(newPassword);
  await page.getByLabel("6-digit code from your authenticator app").fill(totpCode(adminFactor.secret));
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your password is changed." })).toBeVisible();
  await signOut(page);

  // The old password no longer works; the new one (and a code) does; an old recovery code does not.
  await signInWithPassword(page, admin);
  await expect(formAlert(page)).toHaveText("That email address and password do not match an active account.");
  admin.password = newPassword;
  await signInWithPassword(page, admin);
  await expect(page).toHaveURL(/\/staff\/sign-in\/verify$/);
  await page.getByRole("button", { name: "Use a recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(adminFactor.recoveryCodes[1] ?? "");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(formAlert(page)).toHaveText(/That code did not work/);
  await page.getByLabel("Recovery code").fill(newCodes[0] ?? "");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/staff$/);
});
