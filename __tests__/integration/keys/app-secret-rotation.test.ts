import { randomBytes } from "node:crypto";
import { isHashedCodeList } from "@/lib/auth/second-factor/recovery-code-storage";
import { storedSecretVersion } from "@/lib/keys/better-auth-secrets";
import { quietBetterAuthWarnings } from "@/__tests__/support/quiet-better-auth";
import { createEnrolledAdmin } from "@/__tests__/support/staff-accounts";
import { StaffBrowser } from "@/__tests__/support/staff-request";
import { provideTestDatabaseClient } from "@/__tests__/support/test-database-client";

// Rotating APP_SECRET (the token-signing secret) keeps stored TOTP seeds and
// recovery codes working — seeds are encrypted under the field keys, recovery
// codes are stored as salted hashes that no secret protects — while every
// session cookie and form token signed with the old secret is refused.
const database = provideTestDatabaseClient();
quietBetterAuthWarnings();

async function storedSecondFactor(userId: string): Promise<{ secret: string; backupCodes: string }> {
  const { rows } = await database.sql.query<{ secret: string; backupCodes: string }>(`SELECT "secret", "backupCodes" FROM "StaffTwoFactor" WHERE "userId" = $1`, [userId]);
  const row = rows[0];
  if (!row) throw new Error("no second factor stored");
  return row;
}

it("keeps TOTP and recovery-code sign-in working and refuses old sessions and form tokens", async () => {
  const member = await createEnrolledAdmin({ email: "rotate@clinic.example", password: "rotation passphrase one" });
  const fieldPrefix = `$ba$${storedSecretVersion("t1")}$`;
  const stored = await storedSecondFactor(member.id);
  expect(stored.secret.startsWith(fieldPrefix)).toBe(true);
  expect(isHashedCodeList(stored.backupCodes)).toBe(true);

  const before = {
    session: await import("@/lib/auth/staff-session"),
    formToken: await import("@/lib/security/form-token"),
    secrets: await import("@/lib/security/secrets"),
  };
  expect((await before.session.readStaffSession({ request: member.browser.request() })).status).toBe("active");
  const oldToken = before.formToken.issueFormToken({ secret: before.secrets.appSecret() });

  // The operator changes APP_SECRET and restarts: fresh modules, fresh Better Auth.
  process.env.APP_SECRET = randomBytes(32).toString("base64");
  jest.resetModules();
  delete (globalThis as typeof globalThis & { iopAuth?: unknown }).iopAuth;
  const after = {
    session: await import("@/lib/auth/staff-session"),
    accounts: await import("@/__tests__/support/staff-accounts"),
    signIn: await import("@/lib/auth/sign-in-with-password"),
    verify: await import("@/lib/auth/verify-second-factor"),
    formToken: await import("@/lib/security/form-token"),
    secrets: await import("@/lib/security/secrets"),
  };

  expect((await after.session.readStaffSession({ request: member.browser.request() })).status).toBe("signed-out");
  expect(after.formToken.checkFormToken({ secret: after.secrets.appSecret(), token: oldToken, minFillSeconds: 0 })).toEqual({ ok: false, reason: "malformed" });

  const totpBrowser = new StaffBrowser("192.0.2.71");
  await after.accounts.signInWithTotp({ email: member.email, password: member.password, secret: member.secret, browser: totpBrowser });
  expect((await after.session.readStaffSession({ request: totpBrowser.request() })).status).toBe("active");

  const recoveryBrowser = new StaffBrowser("192.0.2.72");
  const first = await after.signIn.signInWithPassword({ email: member.email, password: member.password, request: recoveryBrowser.request() });
  if (!first.ok || first.next !== "second-factor") throw new Error(`password step: ${JSON.stringify(first)}`);
  recoveryBrowser.absorb(first.setCookies);
  const recovered = await after.verify.verifySecondFactor({ code: member.recoveryCodes[0] ?? "", kind: "recovery", request: recoveryBrowser.request() });
  expect(recovered.ok).toBe(true);
  // The library wrote the remaining codes back through our storage: still hashes, one fewer.
  const remaining = (await storedSecondFactor(member.id)).backupCodes;
  expect(isHashedCodeList(remaining)).toBe(true);
  expect(JSON.parse(remaining)).toHaveLength(member.recoveryCodes.length - 1);
});
