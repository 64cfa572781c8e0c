import { symmetricEncrypt } from "better-auth/crypto";
import { getAuth } from "@/lib/auth/auth";
import { hashLegacyRecoveryCodes } from "@/lib/auth/second-factor/hash-legacy-recovery-codes";
import { readStaffSession } from "@/lib/auth/staff-session";
import { disconnectDb, getDb } from "@/lib/db/client";
import { setAppEnvironment } from "@/__tests__/support/app-environment";
import { numberedAdmins } from "@/__tests__/support/numbered-admins";
import { quietBetterAuthWarnings } from "@/__tests__/support/quiet-better-auth";
import { passwordStep, verifyCode } from "@/__tests__/support/second-factor-steps";
import type { StaffMember } from "@/__tests__/support/staff-accounts";
import { auditRowsWithAction } from "@/__tests__/support/staff-audit";
import { onTestDatabaseTeardown, provideTestDatabase } from "@/__tests__/support/test-database";
import { totpCode } from "@/__tests__/support/totp";

// Issue 14: a TOTP code works once (and never an older one after a newer);
// recovery codes are stored one-way, and lists stored before are converted.
provideTestDatabase();
quietBetterAuthWarnings();
beforeAll(() => setAppEnvironment({ MAIL_SINK_DIR: "/tmp/iop-test-mail-unused" }));
onTestDatabaseTeardown(() => disconnectDb());

const newAccount = numberedAdmins((n) => ({ email: `replay${n}@clinic.example`, password: `replay passphrase number ${n}` }));

// Enrolment used the code of the current step; these tests use the next one.
const nextStepCode = (member: StaffMember) => totpCode(member.secret, Date.now() + 30_000);

it("refuses a second use of the same code, and audits it", async () => {
  const member = await newAccount();
  const code = nextStepCode(member);
  expect(await verifyCode(await passwordStep(member, "192.0.2.140"), code)).toMatchObject({ ok: true });
  const thief = await passwordStep(member, "192.0.2.141");
  expect(await verifyCode(thief, code)).toEqual({ ok: false, error: "invalid" });
  expect(await readStaffSession({ request: thief.request() })).toEqual({ status: "signed-out" });
  const refused = await auditRowsWithAction("staff.mfa.code_replay_refused");
  expect(refused.filter((row) => row.ipAddress === "192.0.2.141")).toHaveLength(1);
  expect(JSON.stringify(refused.map((row) => row.metadata))).not.toContain(code);
});

it("refuses an older step's code once a newer one was accepted", async () => {
  const member = await newAccount();
  expect(await verifyCode(await passwordStep(member, "192.0.2.142"), nextStepCode(member))).toMatchObject({ ok: true });
  const older = totpCode(member.secret, Date.now() - 30_000);
  expect(await verifyCode(await passwordStep(member, "192.0.2.143"), older)).toEqual({ ok: false, error: "invalid" });
});

it("lets exactly one of two simultaneous uses of one code through", async () => {
  const member = await newAccount();
  const code = nextStepCode(member);
  const browsers = [await passwordStep(member, "192.0.2.144"), await passwordStep(member, "192.0.2.145")];
  const results = await Promise.all(browsers.map((browser) => verifyCode(browser, code)));
  expect(results.filter((result) => result.ok)).toHaveLength(1);
});

it("stores recovery codes hashed: no code, nor anything that decrypts to one, is in the database", async () => {
  const member = await newAccount();
  const row = await getDb().staffTwoFactor.findFirstOrThrow({ where: { userId: member.id } });
  const stored: unknown = JSON.parse(row.backupCodes);
  expect(Array.isArray(stored) && stored.length === 10).toBe(true);
  for (const entry of stored as string[]) expect(entry).toMatch(/^#[0-9a-f]{32}\$[0-9a-f]{64}$/);
  for (const code of member.recoveryCodes) expect(row.backupCodes).not.toContain(code);
  // A stored entry is not accepted as a code.
  expect(await verifyCode(await passwordStep(member, "192.0.2.146"), (stored as string[])[0] ?? "", "recovery")).toEqual({ ok: false, error: "invalid" });
  // A real code works once; nine entries remain.
  expect(await verifyCode(await passwordStep(member, "192.0.2.146"), member.recoveryCodes[3] ?? "", "recovery")).toMatchObject({ ok: true });
  expect(await verifyCode(await passwordStep(member, "192.0.2.146"), member.recoveryCodes[3] ?? "", "recovery")).toEqual({ ok: false, error: "invalid" });
  const after = await getDb().staffTwoFactor.findFirstOrThrow({ where: { userId: member.id } });
  expect(JSON.parse(after.backupCodes)).toHaveLength(9);
});

it("converts lists stored by the library's encryption, which keep working", async () => {
  const member = await newAccount();
  const legacyCodes = ["AbCdE-12345", "FgHiJ-67890", "KlMnO-13579"];
  const { secretConfig } = await getAuth().$context;
  const legacy = await symmetricEncrypt({ key: secretConfig, data: JSON.stringify(legacyCodes) });
  await getDb().staffTwoFactor.updateMany({ where: { userId: member.id }, data: { backupCodes: legacy } });
  // Before conversion: a legacy code still signs in, and the write-back hashes the rest.
  expect(await verifyCode(await passwordStep(member, "192.0.2.147"), "AbCdE-12345", "recovery")).toMatchObject({ ok: true });
  const rewritten = await getDb().staffTwoFactor.findFirstOrThrow({ where: { userId: member.id } });
  expect(JSON.parse(rewritten.backupCodes)).toHaveLength(2);
  expect(rewritten.backupCodes).not.toContain("FgHiJ-67890");

  await getDb().staffTwoFactor.updateMany({ where: { userId: member.id }, data: { backupCodes: legacy } });
  expect(await hashLegacyRecoveryCodes()).toBeGreaterThanOrEqual(1);
  const converted = await getDb().staffTwoFactor.findFirstOrThrow({ where: { userId: member.id } });
  for (const code of legacyCodes) expect(converted.backupCodes).not.toContain(code);
  expect(await hashLegacyRecoveryCodes()).toBe(0);
  expect(await verifyCode(await passwordStep(member, "192.0.2.148"), "KlMnO-13579", "recovery")).toMatchObject({ ok: true });
});
