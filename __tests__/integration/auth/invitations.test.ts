import { revokeStaffInvitation } from "@/lib/auth/admin/revoke-staff-invitation";
import { confirmSecondFactorEnrolment, startSecondFactorEnrolment } from "@/lib/auth/enrol-second-factor";
import { acceptStaffInvitation } from "@/lib/auth/invitations/accept-staff-invitation";
import { createStaffInvitation, InvitationRefusedError } from "@/lib/auth/invitations/create-staff-invitation";
import { hashInvitationToken } from "@/lib/auth/invitations/invitation-token";
import { readStaffSession } from "@/lib/auth/staff-session";
import {
  enrolSecondFactor,
  INVITATION_LINK,
  invitationTokenFrom,
  latestMailTo,
  staffContext,
} from "@/__tests__/support/staff-accounts";
import { provideStaffAuthBed } from "@/__tests__/support/staff-auth-bed";
import { StaffBrowser } from "@/__tests__/support/staff-request";
import { secretFromOtpauthUri, totpCode } from "@/__tests__/support/totp";
import { PERSONAL_VALUES } from "@/__tests__/support/valid-inquiry";

// Issue 4: no public sign-up. An admin invites by email; the link is
// single-use, expires, and the invitee sets a password and enrols TOTP before
// reaching anything else.
const bed = provideStaffAuthBed({
  admin: { email: "admin@clinic.example", password: "admin passphrase for tests" },
  environment: { PUBLIC_URL: "https://intake.clinic.example" },
});

const PASSWORD = "lantern orchard velvet 42";
const CLINICAL_WORDS = ["addiction", "substance", "rehab", "treatment", "iop", "intensive outpatient", "drug", "alcohol", "detox", "overdose", "withdrawal", "opioid", "inquiry"];

async function invite(email: string, role: "coordinator" | "admin" = "coordinator"): Promise<{ token: string; invitationId: string }> {
  const before = bed.smtp.messages.length;
  const { invitationId, emailSent } = await createStaffInvitation({ email, role, invitedById: bed.admin.id, request: bed.admin.browser.request() });
  expect(emailSent).toBe(true);
  await bed.smtp.waitForMessages(before + 1);
  return { token: invitationTokenFrom(await latestMailTo(bed.smtp, email)), invitationId };
}

async function accountCount(email: string): Promise<number> {
  const { rows } = await bed.sql.query<{ n: string }>(`SELECT count(*) AS n FROM "StaffUser" WHERE "email" = $1`, [email]);
  return Number(rows[0]?.n);
}

describe("the invitation email", () => {
  it("reaches the SMTP server with a link whose token is only in the URL fragment, and no patient data", async () => {
    const before = bed.smtp.messages.length;
    await createStaffInvitation({ email: "New.Colleague@Clinic.example", role: "coordinator", invitedById: bed.admin.id, request: bed.admin.browser.request() });
    const [mail] = (await bed.smtp.waitForMessages(before + 1)).slice(before);
    if (!mail) throw new Error("no mail");
    expect(mail.to).toMatchObject({ value: [{ address: "new.colleague@clinic.example" }] });
    expect(mail.html).toBe(false);
    expect(mail.attachments).toEqual([]);

    const text = mail.text ?? "";
    const match = INVITATION_LINK.exec(text);
    if (!match?.[1] || !match[2]) throw new Error(`no invitation link in: ${text}`);
    const token = match[2];
    const url = new URL(match[0]);
    expect(url.origin).toBe("https://intake.clinic.example");
    expect(url.pathname).toBe("/staff/invitation");
    expect(url.search).toBe("");
    expect(url.hash).toBe(`#token=${token}`);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(text.match(/https?:\/\//g)).toHaveLength(1);

    // Only the hash is stored; the token itself appears nowhere in the table.
    const { rows } = await bed.sql.query(`SELECT * FROM "StaffInvitation" WHERE "email" = 'new.colleague@clinic.example'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ tokenHash: hashInvitationToken(token), role: "coordinator", invitedById: bed.admin.id });
    expect(JSON.stringify(rows)).not.toContain(token);

    // The random token could spell anything; judge the words around it.
    const words = `${mail.subject ?? ""}\n${text.replace(token, "")}`.toLowerCase();
    for (const word of [...CLINICAL_WORDS, ...PERSONAL_VALUES.map((v) => v.toLowerCase())]) expect(words).not.toContain(word);
    expect(words).not.toContain(bed.admin.email);
  });
});

describe("accepting an invitation", () => {
  it("signs the invitee in needing a second factor; enrolling TOTP makes the session active", async () => {
    const { token } = await invite("casey@clinic.example");
    const browser = new StaffBrowser("203.0.113.10");
    const accepted = await acceptStaffInvitation({ token, name: "Casey", password: PASSWORD, request: browser.request() });
    expect(accepted).toMatchObject({ ok: true });
    if (!accepted.ok) return;
    browser.absorb(accepted.setCookies);
    expect(await readStaffSession({ request: browser.request() })).toMatchObject({
      status: "needs-second-factor",
      user: { email: "casey@clinic.example", name: "Casey", role: "coordinator" },
    });

    // Enrolment wants the password again and a code from the new secret.
    expect(await startSecondFactorEnrolment({ password: "not the password at all", request: browser.request() })).toEqual({ ok: false, error: "wrong-password" });
    const started = await startSecondFactorEnrolment({ password: PASSWORD, request: browser.request() });
    if (!started.ok) throw new Error("enrolment refused");
    expect(started.recoveryCodes).toHaveLength(10);
    const secret = secretFromOtpauthUri(started.totpUri);
    const state = await readStaffSession({ request: browser.request() });
    if (state.status === "signed-out") throw new Error("signed out");
    const wrong = String((Number(totpCode(secret)) + 500_000) % 1_000_000).padStart(6, "0");
    expect(await confirmSecondFactorEnrolment({ userId: state.user.id, code: wrong, request: browser.request() })).toEqual({ ok: false, error: "invalid-code" });
    expect(await readStaffSession({ request: browser.request() })).toMatchObject({ status: "needs-second-factor" });

    const confirmed = await confirmSecondFactorEnrolment({ userId: state.user.id, code: totpCode(secret), request: browser.request() });
    if (!confirmed.ok) throw new Error("code refused");
    browser.absorb(confirmed.setCookies);
    expect(await readStaffSession({ request: browser.request() })).toMatchObject({ status: "active", user: { role: "coordinator" } });
  });

  it("gives the invited role: an admin invitation makes an admin", async () => {
    const { token } = await invite("second.admin@clinic.example", "admin");
    const browser = new StaffBrowser();
    const accepted = await acceptStaffInvitation({ token, name: "Sam", password: PASSWORD, request: browser.request() });
    if (!accepted.ok) throw new Error(accepted.error);
    browser.absorb(accepted.setCookies);
    await enrolSecondFactor(browser, PASSWORD);
    expect((await staffContext(browser)).user.role).toBe("admin");
  });

  it("works once: a second acceptance of the same link fails", async () => {
    const { token } = await invite("once@clinic.example");
    expect(await acceptStaffInvitation({ token, name: "Once", password: PASSWORD, request: new StaffBrowser().request() })).toMatchObject({ ok: true });
    expect(await acceptStaffInvitation({ token, name: "Twice", password: "another long passphrase", request: new StaffBrowser().request() })).toEqual({
      ok: false,
      error: "invalid-invitation",
    });
    expect(await accountCount("once@clinic.example")).toBe(1);
  });

  it("expires: a link past its expiry time fails and makes no account", async () => {
    const { token, invitationId } = await invite("late@clinic.example");
    await bed.sql.query(`UPDATE "StaffInvitation" SET "expiresAt" = now() - interval '1 minute' WHERE "id" = $1`, [invitationId]);
    expect(await acceptStaffInvitation({ token, name: "Late", password: PASSWORD, request: new StaffBrowser().request() })).toEqual({
      ok: false,
      error: "invalid-invitation",
    });
    expect(await accountCount("late@clinic.example")).toBe(0);
  });

  it("expires 72 hours after it was sent", async () => {
    const { invitationId } = await invite("lifetime@clinic.example");
    const { rows } = await bed.sql.query<{ hours: number }>(
      `SELECT extract(epoch FROM "expiresAt" - "createdAt") / 3600 AS hours FROM "StaffInvitation" WHERE "id" = $1`,
      [invitationId],
    );
    expect(Math.round(Number(rows[0]?.hours))).toBe(72);
  });

  it("only the newest invitation for an address works", async () => {
    const older = await invite("twice-invited@clinic.example");
    const newer = await invite("twice-invited@clinic.example");
    expect(newer.token).not.toBe(older.token);
    expect(await acceptStaffInvitation({ token: older.token, name: "Old", password: PASSWORD, request: new StaffBrowser().request() })).toEqual({
      ok: false,
      error: "invalid-invitation",
    });
    expect(await acceptStaffInvitation({ token: newer.token, name: "New", password: PASSWORD, request: new StaffBrowser().request() })).toMatchObject({ ok: true });
  });

  it("stops working when an admin revokes it", async () => {
    const { token, invitationId } = await invite("revoked@clinic.example");
    await revokeStaffInvitation({ admin: await staffContext(bed.admin.browser), invitationId });
    expect(await acceptStaffInvitation({ token, name: "Rev", password: PASSWORD, request: new StaffBrowser().request() })).toEqual({
      ok: false,
      error: "invalid-invitation",
    });
    expect(await accountCount("revoked@clinic.example")).toBe(0);
  });

  it("refuses an unknown token", async () => {
    expect(await acceptStaffInvitation({ token: "A".repeat(43), name: "X", password: PASSWORD, request: new StaffBrowser().request() })).toEqual({
      ok: false,
      error: "invalid-invitation",
    });
  });

  it.each(["password1234", "Summer2024!!"])("refuses the common password %j and leaves the invitation usable", async (common) => {
    const email = `common-${common.length}-${common.charCodeAt(0)}@clinic.example`;
    const { token } = await invite(email);
    expect(await acceptStaffInvitation({ token, name: "C", password: common, request: new StaffBrowser().request() })).toEqual({
      ok: false,
      error: "common-password",
    });
    expect(await accountCount(email)).toBe(0);
    expect(await acceptStaffInvitation({ token, name: "C", password: PASSWORD, request: new StaffBrowser().request() })).toMatchObject({ ok: true });
  });

  // Better Auth's admin createUser checks only the maximum length: without
  // the domain's own check an 8-character password made an account, and an
  // empty one made an account with no password at all.
  it.each([
    ["8 characters", "Kq7#vZ2m"],
    ["empty", ""],
    ["over 128 characters", "lantern orchard velvet sunrise ".repeat(5)],
  ])("refuses a password outside 12 to 128 characters (%s), makes no account, keeps the invitation", async (_label, short) => {
    const email = `length-${short.length}@clinic.example`;
    const { token } = await invite(email);
    await expect(acceptStaffInvitation({ token, name: "Short", password: short, request: new StaffBrowser().request() })).resolves.toEqual({
      ok: false,
      error: "weak-password",
    });
    expect(await accountCount(email)).toBe(0);
    expect(await acceptStaffInvitation({ token, name: "Short", password: PASSWORD, request: new StaffBrowser().request() })).toMatchObject({ ok: true });
  });

  it("two simultaneous acceptances make exactly one account", async () => {
    const { token } = await invite("race@clinic.example");
    const results = await Promise.all(
      ["198.51.100.21", "198.51.100.22", "198.51.100.23"].map((ip) =>
        acceptStaffInvitation({ token, name: "Racer", password: PASSWORD, request: new StaffBrowser(ip).request() }),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([
      { ok: false, error: "invalid-invitation" },
      { ok: false, error: "invalid-invitation" },
    ]);
    expect(await accountCount("race@clinic.example")).toBe(1);
  });
});

describe("inviting", () => {
  it("refuses an address that already has an account, whatever its case, and sends nothing", async () => {
    const before = bed.smtp.messages.length;
    await expect(
      createStaffInvitation({ email: "  ADMIN@clinic.example ", role: "coordinator", invitedById: bed.admin.id, request: bed.admin.browser.request() }),
    ).rejects.toBeInstanceOf(InvitationRefusedError);
    const { rows } = await bed.sql.query(`SELECT 1 FROM "StaffInvitation" WHERE "email" = 'admin@clinic.example'`);
    expect(rows).toEqual([]);
    expect(bed.smtp.messages).toHaveLength(before);
  });
});
