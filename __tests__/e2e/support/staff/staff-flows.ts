import { expect, type Page } from "@playwright/test";
import { totpCode } from "@/__tests__/support/totp";

// The staff area driven the way a person drives it: labels and buttons as
// they read on screen, TOTP codes computed from the key the enrolment page
// shows (what an authenticator app would do with it).

export type EnrolledFactor = { secret: string; recoveryCodes: string[] };

/** Step one of sign-in: email and password, then Continue. */
export async function submitPassword(page: Page, options: { email: string; password: string }): Promise<void> {
  await page.getByLabel("Email address").fill(options.email);
  await page.getByLabel("Password", { exact: true }).fill(options.password);
  await page.getByRole("button", { name: "Continue" }).click();
}

export async function signInWithPassword(page: Page, options: { email: string; password: string }): Promise<void> {
  await page.goto("/staff/sign-in");
  await submitPassword(page, options);
}

/**
 * Opens the one-time set-up link `staff:create-admin` printed (or an admin's
 * reset mail carried), on this suite's server, and confirms the password;
 * lands on the enrolment page. The password alone no longer gets there.
 */
export async function openSetUpLink(page: Page, options: { text: string; password: string }): Promise<void> {
  const token = /\/staff\/enrol\/link#token=([A-Za-z0-9_-]{43})/.exec(options.text)?.[1];
  expect(token, "a set-up link in the text").toBeTruthy();
  await page.goto(`/staff/enrol/link#token=${token ?? ""}`);
  await page.getByLabel("Your password").fill(options.password);
  await page.getByRole("button", { name: "Continue to set-up" }).click();
  await expect(page).toHaveURL(/\/staff\/enrol$/);
}

/** Enrolment, step one: the password again. Leaves the page showing the key, QR code and recovery codes. */
export async function startEnrolment(page: Page, password: string): Promise<EnrolledFactor> {
  await expect(page).toHaveURL(/\/staff\/enrol$/);
  await page.getByLabel("Your password").fill(password);
  await page.getByRole("button", { name: "Set up my authenticator app" }).click();
  const key = page.locator(".secret");
  await expect(key).toHaveText(/^[A-Z2-7]{16,}=*$/);
  const secret = (await key.textContent())?.trim() ?? "";
  const recoveryCodes = (await page.locator("ul.codes li").allTextContents()).map((code) => code.trim());
  expect(recoveryCodes, "recovery codes shown once at enrolment").toHaveLength(10);
  return { secret, recoveryCodes };
}

/** Enrolment, step two: the first code from the "app"; lands on the staff home page. */
export async function finishEnrolment(page: Page, secret: string): Promise<void> {
  await page.getByLabel("6-digit code").fill(totpCode(secret));
  await page.getByRole("button", { name: "Finish set-up" }).click();
  await expect(page).toHaveURL(/\/staff$/);
}

export async function enrol(page: Page, password: string): Promise<EnrolledFactor> {
  const factor = await startEnrolment(page, password);
  await finishEnrolment(page, factor.secret);
  return factor;
}

/** Step two of sign-in with the code the authenticator shows now. */
export async function submitTotp(page: Page, secret: string): Promise<void> {
  await expect(page).toHaveURL(/\/staff\/sign-in\/verify$/);
  await page.getByLabel("6-digit code from your authenticator app").fill(totpCode(secret));
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signInWithTotp(page: Page, options: { email: string; password: string; secret: string }): Promise<void> {
  await signInWithPassword(page, options);
  await submitTotp(page, options.secret);
  await expect(page).toHaveURL(/\/staff$/);
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("navigation", { name: "Staff" }).getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/staff\/sign-in\?signedOut=1$/);
  await expect(page.getByRole("status")).toHaveText("You are signed out.");
}

/** From the Users page (an admin signed in on `page`): invite `email` with `role`. */
export async function inviteFromUsersPage(page: Page, options: { email: string; role: "coordinator" | "admin" }): Promise<void> {
  await page.goto("/staff/admin/users");
  await page.getByLabel("Email address").fill(options.email);
  await page.getByLabel("Role").selectOption(options.role);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${options.email}.`)).toBeVisible();
}

/** Opens the invitation link and creates the account; lands on the enrolment page. */
export async function acceptInvitation(page: Page, options: { link: string; name: string; password: string }): Promise<void> {
  await page.goto(options.link);
  await page.getByLabel("Your name").fill(options.name);
  await page.getByLabel("Choose a password").fill(options.password);
  await page.getByLabel("Type the password again").fill(options.password);
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page).toHaveURL(/\/staff\/enrol$/);
}
