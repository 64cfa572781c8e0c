import { createFirstAdmin } from "@/lib/auth/create-first-admin";
import { confirmSecondFactorEnrolment, startSecondFactorEnrolment } from "@/lib/auth/enrol-second-factor";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { readStaffSession } from "@/lib/auth/staff-session";
import { verifySecondFactor } from "@/lib/auth/verify-second-factor";
import { disconnectDb } from "@/lib/db/client";
import { setAppEnvironment } from "@/__tests__/support/app-environment";
import { redeemLink } from "@/__tests__/support/staff-accounts";
import { StaffBrowser } from "@/__tests__/support/staff-request";
import { onTestDatabaseTeardown, provideTestDatabase } from "@/__tests__/support/test-database";
import { secretFromOtpauthUri, totpCode } from "@/__tests__/support/totp";

provideTestDatabase();
beforeAll(() => setAppEnvironment({ MAIL_SINK_DIR: "/tmp/iop-test-mail-unused" }));
onTestDatabaseTeardown(() => disconnectDb());

it("admin: create, open the printed set-up link, enrol, sign in with TOTP", async () => {
  const password = "correct horse battery staple";
  const created = await createFirstAdmin({ email: "Admin@Clinic.example", name: "Ada", password });
  const browser = new StaffBrowser();
  // The password alone does not open the new account.
  expect(await signInWithPassword({ email: "admin@clinic.example", password, request: browser.request() })).toEqual({ ok: false, error: "not-enrolled" });
  expect(await readStaffSession({ request: browser.request() })).toEqual({ status: "signed-out" });
  await redeemLink(browser, created.enrolmentUrl, password);
  expect(await readStaffSession({ request: browser.request() })).toMatchObject({ status: "needs-second-factor" });

  const started = await startSecondFactorEnrolment({ password, request: browser.request() });
  if (!started.ok) throw new Error("enrolment refused");
  const secret = secretFromOtpauthUri(started.totpUri);
  const state = await readStaffSession({ request: browser.request() });
  if (state.status === "signed-out") throw new Error("signed out");
  const confirmed = await confirmSecondFactorEnrolment({ userId: state.user.id, code: totpCode(secret), request: browser.request() });
  expect(confirmed).toMatchObject({ ok: true });
  if (confirmed.ok) browser.absorb(confirmed.setCookies);
  expect(await readStaffSession({ request: browser.request() })).toMatchObject({ status: "active", user: { role: "admin" } });

  const laptop = new StaffBrowser();
  const again = await signInWithPassword({ email: "admin@clinic.example", password, request: laptop.request() });
  expect(again).toMatchObject({ ok: true, next: "second-factor" });
  if (again.ok) laptop.absorb(again.setCookies);
  expect(await readStaffSession({ request: laptop.request() })).toEqual({ status: "signed-out" });
  const verified = await verifySecondFactor({ code: totpCode(secret), kind: "totp", request: laptop.request() });
  expect(verified).toMatchObject({ ok: true });
  if (verified.ok) laptop.absorb(verified.setCookies);
  expect(await readStaffSession({ request: laptop.request() })).toMatchObject({ status: "active" });
});
