import { changeStaffRole } from "@/lib/auth/admin/change-staff-role";
import { resetStaffSecondFactor } from "@/lib/auth/admin/reset-staff-second-factor";
import { revokeStaffInvitation } from "@/lib/auth/admin/revoke-staff-invitation";
import { setStaffDisabled } from "@/lib/auth/admin/set-staff-disabled";
import { createFirstAdmin } from "@/lib/auth/create-first-admin";
import { acceptStaffInvitation } from "@/lib/auth/invitations/accept-staff-invitation";
import { createStaffInvitation } from "@/lib/auth/invitations/create-staff-invitation";
import { ACCOUNT_MAX_FAILURES } from "@/lib/auth/sign-in-throttle";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { signOutStaff } from "@/lib/auth/sign-out-staff";
import { readStaffSession } from "@/lib/auth/staff-session";
import { verifySecondFactor } from "@/lib/auth/verify-second-factor";
import { getDb } from "@/lib/db/client";
import { provideMailingTestDatabase } from "@/__tests__/support/mailing-test-database";
import { quietBetterAuthWarnings } from "@/__tests__/support/quiet-better-auth";
import { accessLinkToken, confirmedStaffContext, enrolSecondFactor, invitationTokenFrom, latestMailTo, redeemLink, staffContext, wrongTotpCode } from "@/__tests__/support/staff-accounts";
import { allAuditRows, auditCursor, type AuditRow } from "@/__tests__/support/staff-audit";
import { StaffBrowser } from "@/__tests__/support/staff-request";
import { totpCode } from "@/__tests__/support/totp";

// Issue 4, audit trail: every sign-in (good or bad), sign-out, MFA change,
// invitation, role change and disabling writes an AuditEvent saying who did
// what to whom from where; none carries a password, code or token; and the
// app's own database connection cannot change or remove one.
//
// One scenario, step by step; each step checks exactly the rows it added.
const mailing = provideMailingTestDatabase();
quietBetterAuthWarnings();
const audit = auditCursor();
const startedAt = Date.now();

const ADMIN_IP = "203.0.113.1";
const COORDINATOR_IP = "203.0.113.2";
const ATTACKER_IP = "203.0.113.66";
const secrets = {
  passwords: ["admin passphrase for the audit", "coordinator passphrase audit", "locked-out passphrase audit"],
  wrongPasswords: [] as string[],
  tokens: [] as string[],
  totpSecrets: [] as string[],
  recoveryCodes: [] as string[],
};
const adminBrowser = new StaffBrowser(ADMIN_IP);
const coordinatorBrowser = new StaffBrowser(COORDINATOR_IP);
let adminId = "";
let adminSetUpLink = "";
let coordinatorId = "";
let coordinatorSecret = "";
const [ADMIN_PASSWORD = "", COORDINATOR_PASSWORD = "", THIRD_PASSWORD = ""] = secrets.passwords;

const row = (action: string, actorId: string | null, ipAddress: string | null, subjectUserId: string | null = null) => ({
  action,
  actorId,
  ipAddress,
  subjectUserId,
});

async function wrongPassword(email: string, ipAddress: string) {
  const password = `wrong passphrase ${secrets.wrongPasswords.length}`;
  secrets.wrongPasswords.push(password);
  return signInWithPassword({ email, password, request: new StaffBrowser(ipAddress).request() });
}

async function invite(email: string): Promise<{ token: string; invitationId: string }> {
  const { invitationId } = await createStaffInvitation({ email, role: "coordinator", invitedById: adminId, request: adminBrowser.request() });
  const token = invitationTokenFrom(await latestMailTo(mailing.smtp, email));
  secrets.tokens.push(token);
  return { token, invitationId };
}

async function passwordStep(email: string, password: string, browser: StaffBrowser): Promise<void> {
  const result = await signInWithPassword({ email, password, request: browser.request() });
  if (!result.ok) throw new Error(result.error);
  browser.absorb(result.setCookies);
}

async function fullSignIn(email: string, password: string, secret: string, browser: StaffBrowser): Promise<void> {
  await passwordStep(email, password, browser);
  const second = await verifySecondFactor({ code: totpCode(secret), kind: "totp", request: browser.request() });
  if (!second.ok) throw new Error(second.error);
  browser.absorb(second.setCookies);
}

async function sessionId(browser: StaffBrowser): Promise<string> {
  const state = await readStaffSession({ request: browser.request(), touch: false });
  if (state.status === "signed-out") throw new Error("not signed in");
  return state.session.id;
}

const REFUSED = /permission denied for table AuditEvent/;

describe("the audit trail of staff access", () => {
  it("records the command-line admin (no actor, no address)", async () => {
    const created = await createFirstAdmin({ email: "admin@clinic.example", name: "Ada", password: ADMIN_PASSWORD });
    adminId = created.userId;
    adminSetUpLink = created.enrolmentUrl;
    secrets.tokens.push(accessLinkToken(created.enrolmentUrl));
    const rows = await audit.next();
    expect(rows.map((r) => r.action)).toEqual(["staff.admin.created", "staff.mfa.enrolment_link_created"]);
    expect(rows[0]).toMatchObject({ actorType: "SYSTEM", actorId: null, ipAddress: null, metadata: { subjectUserId: adminId, via: "command line" } });
  });

  it("records a refused password-only sign-in, the set-up link's use, then the enrolment", async () => {
    await expect(passwordStep("admin@clinic.example", ADMIN_PASSWORD, adminBrowser)).rejects.toThrow("not-enrolled");
    const refused = await audit.next();
    expect(refused.map((r) => r.action)).toEqual(["staff.sign_in.refused_not_enrolled"]);
    expect(refused[0]).toMatchObject({ actorId: null, ipAddress: ADMIN_IP, metadata: { subjectUserId: adminId } });

    await redeemLink(adminBrowser, adminSetUpLink, ADMIN_PASSWORD);
    const signIn = await audit.next();
    expect(signIn.map((r) => r.action)).toEqual(["staff.mfa.enrolment_link_used", "staff.sign_in.succeeded"]);
    expect(signIn[1]).toMatchObject({
      actorType: "STAFF",
      actorId: adminId,
      ipAddress: ADMIN_IP,
      userAgent: "jest",
      metadata: { secondFactor: "not-enrolled", via: "enrolment link" },
    });

    const enrolled = await enrolSecondFactor(adminBrowser, ADMIN_PASSWORD);
    secrets.totpSecrets.push(enrolled.secret);
    secrets.recoveryCodes.push(...enrolled.recoveryCodes);
    expect(await audit.nextSummaries()).toEqual([row("staff.mfa.enrolled", adminId, ADMIN_IP)]);
  });

  it("records an invitation sent, and its acceptance by the new account", async () => {
    const { token, invitationId } = await invite("casey@clinic.example");
    const sent = await audit.next();
    expect(sent.map((r) => r.action)).toEqual(["staff.invitation.sent"]);
    expect(sent[0]).toMatchObject({ actorId: adminId, ipAddress: ADMIN_IP, metadata: { invitationId, role: "coordinator" } });

    const accepted = await acceptStaffInvitation({ token, name: "Casey", password: COORDINATOR_PASSWORD, request: coordinatorBrowser.request() });
    if (!accepted.ok) throw new Error(accepted.error);
    coordinatorBrowser.absorb(accepted.setCookies);
    const state = await readStaffSession({ request: coordinatorBrowser.request() });
    if (state.status === "signed-out") throw new Error("not signed in");
    coordinatorId = state.user.id;
    const rows = await audit.next();
    expect(rows.map((r) => r.action)).toEqual(["staff.invitation.accepted", "staff.sign_in.succeeded"]);
    expect(rows[0]).toMatchObject({ actorId: coordinatorId, ipAddress: COORDINATOR_IP, metadata: { invitationId, role: "coordinator", invitedById: adminId } });
    expect(rows[1]).toMatchObject({ actorId: coordinatorId, ipAddress: COORDINATOR_IP, metadata: { secondFactor: "not-enrolled", via: "invitation" } });

    const enrolled = await enrolSecondFactor(coordinatorBrowser, COORDINATOR_PASSWORD);
    coordinatorSecret = enrolled.secret;
    secrets.totpSecrets.push(enrolled.secret);
    secrets.recoveryCodes.push(...enrolled.recoveryCodes);
    expect(await audit.nextSummaries()).toEqual([row("staff.mfa.enrolled", coordinatorId, COORDINATOR_IP)]);
  });

  it("records a revoked invitation", async () => {
    const { invitationId } = await invite("not-after-all@clinic.example");
    await revokeStaffInvitation({ admin: await staffContext(adminBrowser), invitationId });
    const rows = await audit.next();
    expect(rows.map((r) => r.action)).toEqual(["staff.invitation.sent", "staff.invitation.revoked"]);
    expect(rows[1]).toMatchObject({ actorId: adminId, ipAddress: ADMIN_IP, metadata: { invitationId } });
  });

  it("records failed sign-ins: naming the account when there is one, no actor either way", async () => {
    await wrongPassword("casey@clinic.example", ATTACKER_IP);
    await wrongPassword("nobody@clinic.example", ATTACKER_IP);
    const rows = await audit.next();
    expect(rows.map((r) => ({ ...row(r.action, r.actorId, r.ipAddress), metadata: r.metadata }))).toEqual([
      { ...row("staff.sign_in.failed", null, ATTACKER_IP), metadata: { subjectUserId: coordinatorId, step: "password", status: 401 } },
      { ...row("staff.sign_in.failed", null, ATTACKER_IP), metadata: { step: "password", status: 401 } },
    ]);
  });

  // Someone who knows a colleague's password and guesses their codes must
  // show up against that colleague's account.
  it("records a wrong code against the account it was tried on", async () => {
    const laptop = new StaffBrowser("203.0.113.3");
    await passwordStep("casey@clinic.example", COORDINATOR_PASSWORD, laptop);
    expect(await audit.next()).toEqual([]);
    expect(await verifySecondFactor({ code: wrongTotpCode(coordinatorSecret), kind: "totp", request: laptop.request() })).toMatchObject({ ok: false });
    const failed = await audit.next();
    expect(failed.map((r) => r.action)).toEqual(["staff.sign_in.second_factor_failed"]);
    expect(failed[0]).toMatchObject({ actorId: null, ipAddress: "203.0.113.3", metadata: { kind: "totp", code: "INVALID_CODE" } });
    expect(failed[0]?.metadata).toMatchObject({ subjectUserId: coordinatorId });
  });

  it("records a sign-in with a code", async () => {
    const laptop = new StaffBrowser("203.0.113.3");
    await passwordStep("casey@clinic.example", COORDINATOR_PASSWORD, laptop);
    const verified = await verifySecondFactor({ code: totpCode(coordinatorSecret), kind: "totp", request: laptop.request() });
    expect(verified).toMatchObject({ ok: true });
    const rows = await audit.next();
    expect(rows.map((r) => r.action)).toEqual(["staff.sign_in.succeeded"]);
    expect(rows[0]).toMatchObject({ actorId: coordinatorId, ipAddress: "203.0.113.3", metadata: { secondFactor: "totp" } });
  });

  it("records a sign-in with a recovery code, and the code's use", async () => {
    const phone = new StaffBrowser("203.0.113.4");
    await passwordStep("casey@clinic.example", COORDINATOR_PASSWORD, phone);
    const code = secrets.recoveryCodes[10] ?? "";
    expect(await verifySecondFactor({ code, kind: "recovery", request: phone.request() })).toMatchObject({ ok: true });
    expect(await audit.nextSummaries()).toEqual([
      row("staff.sign_in.succeeded", coordinatorId, "203.0.113.4"),
      row("staff.mfa.recovery_code_used", coordinatorId, "203.0.113.4"),
    ]);
  });

  it("records a lockout against the locked account", async () => {
    const { token } = await invite("locked@clinic.example");
    const browser = new StaffBrowser("203.0.113.5");
    const accepted = await acceptStaffInvitation({ token, name: "Lee", password: THIRD_PASSWORD, request: browser.request() });
    if (!accepted.ok) throw new Error(accepted.error);
    const lockedId = (await audit.next()).find((r) => r.action === "staff.invitation.accepted")?.actorId ?? null;
    expect(lockedId).not.toBeNull();

    for (let i = 0; i < ACCOUNT_MAX_FAILURES; i += 1) await wrongPassword("locked@clinic.example", "203.0.113.67");
    expect(await signInWithPassword({ email: "locked@clinic.example", password: THIRD_PASSWORD, request: browser.request() })).toMatchObject({
      error: "locked",
    });
    expect(await audit.nextSummaries()).toEqual([
      ...Array.from({ length: ACCOUNT_MAX_FAILURES }, () => row("staff.sign_in.failed", null, "203.0.113.67", lockedId)),
      row("staff.sign_in.locked_out", null, "203.0.113.5", lockedId),
    ]);
  });

  it("records a role change (and nothing for a change to the same role)", async () => {
    const admin = await staffContext(adminBrowser);
    expect(await audit.next()).toEqual([]);
    await changeStaffRole({ admin, userId: coordinatorId, role: "admin" });
    await changeStaffRole({ admin, userId: coordinatorId, role: "admin" });
    const rows = await audit.next();
    expect(rows.map((r) => r.action)).toEqual(["staff.role.changed"]);
    expect(rows[0]).toMatchObject({ actorId: adminId, ipAddress: ADMIN_IP, metadata: { subjectUserId: coordinatorId, from: "coordinator", to: "admin" } });
    await changeStaffRole({ admin, userId: coordinatorId, role: "coordinator" });
    expect(await audit.nextSummaries()).toEqual([row("staff.role.changed", adminId, ADMIN_IP, coordinatorId)]);
  });

  it("records disabling, the refused sign-in while disabled, and enabling", async () => {
    const admin = await staffContext(adminBrowser);
    await setStaffDisabled({ admin, userId: coordinatorId, disabled: true });
    expect(await audit.nextSummaries()).toEqual([row("staff.user.disabled", adminId, ADMIN_IP, coordinatorId)]);

    expect(await signInWithPassword({ email: "casey@clinic.example", password: COORDINATOR_PASSWORD, request: new StaffBrowser("203.0.113.6").request() })).toEqual({
      ok: false,
      error: "invalid",
    });
    expect(await audit.nextSummaries()).toEqual([row("staff.sign_in.failed", null, "203.0.113.6", coordinatorId)]);

    await setStaffDisabled({ admin, userId: coordinatorId, disabled: false });
    expect(await audit.nextSummaries()).toEqual([row("staff.user.enabled", adminId, ADMIN_IP, coordinatorId)]);
  });

  it("records an admin's reset of a second factor", async () => {
    await resetStaffSecondFactor({ admin: await confirmedStaffContext(adminBrowser, ADMIN_PASSWORD), userId: coordinatorId });
    expect(await audit.nextSummaries()).toEqual([
      row("staff.reauthenticated", adminId, ADMIN_IP),
      row("staff.mfa.reset_by_admin", adminId, ADMIN_IP, coordinatorId),
      row("staff.mfa.enrolment_link_created", adminId, ADMIN_IP, coordinatorId),
    ]);
  });

  it("records the idle timeout and the 12-hour expiry of a session", async () => {
    const idle = new StaffBrowser("203.0.113.7");
    await fullSignIn("admin@clinic.example", ADMIN_PASSWORD, secrets.totpSecrets[0] ?? "", idle);
    const old = new StaffBrowser("203.0.113.8");
    await fullSignIn("admin@clinic.example", ADMIN_PASSWORD, secrets.totpSecrets[0] ?? "", old);
    await audit.next();
    await mailing.sql.query(`UPDATE "StaffSession" SET "updatedAt" = now() - interval '1 hour' WHERE "id" = $1`, [await sessionId(idle)]);
    await mailing.sql.query(`UPDATE "StaffSession" SET "createdAt" = now() - interval '13 hours' WHERE "id" = $1`, [await sessionId(old)]);
    expect(await readStaffSession({ request: idle.request() })).toEqual({ status: "signed-out" });
    expect(await readStaffSession({ request: old.request() })).toEqual({ status: "signed-out" });
    expect(await audit.nextSummaries()).toEqual([
      row("staff.session.idle_timeout", adminId, "203.0.113.7"),
      row("staff.session.expired", adminId, "203.0.113.8"),
    ]);
  });

  it("records sign-out and sign-out everywhere", async () => {
    const tablet = new StaffBrowser("203.0.113.9");
    await passwordStep("admin@clinic.example", ADMIN_PASSWORD, tablet);
    const second = await verifySecondFactor({ code: totpCode(secrets.totpSecrets[0] ?? ""), kind: "totp", request: tablet.request() });
    if (!second.ok) throw new Error(second.error);
    tablet.absorb(second.setCookies);
    await audit.next();

    await signOutStaff({ staff: await staffContext(tablet), everywhere: false });
    expect(await audit.nextSummaries()).toEqual([row("staff.sign_out", adminId, "203.0.113.9")]);
    await signOutStaff({ staff: await staffContext(adminBrowser), everywhere: true });
    expect(await audit.nextSummaries()).toEqual([row("staff.sign_out_everywhere", adminId, ADMIN_IP)]);
  });

  it("holds no password, code, token or secret in any row", async () => {
    const rows = await allAuditRows();
    expect(rows.length).toBeGreaterThan(20);
    const text = rows.map((r: AuditRow) => JSON.stringify({ ...r, id: String(r.id) })).join("\n");

    const { rows: stored } = await mailing.sql.query<{ value: string }>(
      `SELECT "token" AS value FROM "StaffSession"
       UNION ALL SELECT "tokenHash" FROM "StaffInvitation"
       UNION ALL SELECT "tokenHash" FROM "StaffAccessLink"
       UNION ALL SELECT "secret" FROM "StaffTwoFactor"
       UNION ALL SELECT "backupCodes" FROM "StaffTwoFactor"
       UNION ALL SELECT "password" FROM "StaffAccount" WHERE "password" IS NOT NULL
       UNION ALL SELECT "identifier" FROM "StaffVerification"`,
    );
    const literal = [
      ...secrets.passwords,
      ...secrets.wrongPasswords,
      ...secrets.tokens,
      ...secrets.totpSecrets,
      ...secrets.recoveryCodes,
      ...stored.map((s) => s.value).filter((value) => value.length >= 16),
    ];
    expect(literal.length).toBeGreaterThan(30);
    for (const secret of literal) expect(text).not.toContain(secret);

    // Every code the authenticators showed while this file ran, as a whole
    // number (a uuid or id may contain six digits in a row by chance).
    const codes = new Set<string>();
    for (const secret of secrets.totpSecrets) {
      for (let at = startedAt - 30_000; at <= Date.now() + 30_000; at += 30_000) codes.add(totpCode(secret, at));
    }
    for (const code of codes) expect(text).not.toMatch(new RegExp(`(?<![0-9A-Za-z])${code}(?![0-9A-Za-z])`));
  });

  it("cannot be changed or removed through the app's database connection", async () => {
    // The app connects as the runtime role, which holds no UPDATE or DELETE
    // on AuditEvent: refused for want of privilege, before the append-only
    // trigger (which guards against the owner; db/audit-event-append-only.test.ts).
    const db = getDb();
    const before = await allAuditRows();
    const first = before[0];
    if (!first) throw new Error("no audit rows");
    await expect(db.auditEvent.update({ where: { id: first.id }, data: { action: "staff.sign_in.succeeded", actorId: null } })).rejects.toThrow(
      REFUSED,
    );
    await expect(db.auditEvent.delete({ where: { id: first.id } })).rejects.toThrow(REFUSED);
    await expect(db.auditEvent.deleteMany({ where: { actorId: adminId } })).rejects.toThrow(REFUSED);
    await expect(db.$executeRaw`UPDATE "AuditEvent" SET "ipAddress" = NULL`).rejects.toThrow(REFUSED);
    await expect(db.$executeRaw`DELETE FROM "AuditEvent"`).rejects.toThrow(REFUSED);
    await expect(
      db.$transaction(async (tx) => {
        await tx.auditEvent.updateMany({ data: { metadata: {} } });
      }),
    ).rejects.toThrow(REFUSED);
    expect(await allAuditRows()).toEqual(before);
  });
});
