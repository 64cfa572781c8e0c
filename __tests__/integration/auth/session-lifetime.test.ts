import type { Client } from "pg";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { signOutStaff } from "@/lib/auth/sign-out-staff";
import { STAFF_SESSION_ABSOLUTE_SECONDS } from "@/lib/auth/staff-session-policy";
import { readStaffSession } from "@/lib/auth/staff-session";
import { verifySecondFactor } from "@/lib/auth/verify-second-factor";
import { quietBetterAuthWarnings } from "@/__tests__/support/quiet-better-auth";
import { createEnrolledAdmin, signInWithTotp, staffContext, type StaffMember } from "@/__tests__/support/staff-accounts";
import { auditRowsWithAction } from "@/__tests__/support/staff-audit";
import { StaffBrowser } from "@/__tests__/support/staff-request";
import { provideTestDatabaseClient } from "@/__tests__/support/test-database-client";
import { totpCode } from "@/__tests__/support/totp";

// Issue 4, sessions: automatic logoff after the idle timeout (configurable;
// 20 minutes here, so the default of 15 would fail these tests), an absolute
// lifetime of 12 hours, sign-out and sign-out everywhere. Time passes by
// moving the session row's timestamps back in SQL.
const IDLE_MINUTES = 20;
const database = provideTestDatabaseClient({ environment: { STAFF_IDLE_TIMEOUT_MINUTES: String(IDLE_MINUTES) } });
quietBetterAuthWarnings();
let sql: Client;
let member: StaffMember;

beforeAll(async () => {
  sql = database.sql;
  member = await createEnrolledAdmin({ email: "sessions@clinic.example", password: "session lifetime passphrase" });
});

async function signedInBrowser(ipAddress = "192.0.2.80"): Promise<{ browser: StaffBrowser; sessionId: string }> {
  const browser = new StaffBrowser(ipAddress);
  await signInWithTotp({ email: member.email, password: member.password, secret: member.secret, browser });
  const state = await readStaffSession({ request: browser.request(), touch: false });
  if (state.status !== "active") throw new Error(state.status);
  return { browser, sessionId: state.session.id };
}

type SessionTimes = { createdAt: Date; updatedAt: Date };

async function sessionRow(id: string): Promise<SessionTimes | undefined> {
  const { rows } = await sql.query<SessionTimes>(`SELECT "createdAt", "updatedAt" FROM "StaffSession" WHERE "id" = $1`, [id]);
  return rows[0];
}

// Moves the last activity `minutes` into the past.
async function idleFor(id: string, minutes: number): Promise<Date> {
  const { rows } = await sql.query<{ updatedAt: Date }>(
    `UPDATE "StaffSession" SET "updatedAt" = now() - make_interval(mins => $2) WHERE "id" = $1 RETURNING "updatedAt"`,
    [id, minutes],
  );
  const updatedAt = rows[0]?.updatedAt;
  if (!updatedAt) throw new Error("no such session");
  return updatedAt;
}

// Moves the last activity back by `minutes` more, as if that much time passed.
async function timePasses(id: string, minutes: number): Promise<void> {
  await sql.query(`UPDATE "StaffSession" SET "updatedAt" = "updatedAt" - make_interval(mins => $2) WHERE "id" = $1`, [id, minutes]);
}

async function auditCount(action: string, actorId: string): Promise<number> {
  return (await auditRowsWithAction(action)).filter((row) => row.actorId === actorId).length;
}

describe("idle timeout", () => {
  it("keeps a session idle for less than STAFF_IDLE_TIMEOUT_MINUTES", async () => {
    const { browser, sessionId } = await signedInBrowser();
    await idleFor(sessionId, IDLE_MINUTES - 1);
    expect(await readStaffSession({ request: browser.request() })).toMatchObject({ status: "active" });
  });

  it("ends a session idle for STAFF_IDLE_TIMEOUT_MINUTES: signed out, row deleted, audited", async () => {
    const before = await auditCount("staff.session.idle_timeout", member.id);
    const { browser, sessionId } = await signedInBrowser("192.0.2.81");
    await idleFor(sessionId, IDLE_MINUTES + 1);
    expect(await readStaffSession({ request: browser.request() })).toEqual({ status: "signed-out" });
    expect(await sessionRow(sessionId)).toBeUndefined();
    const rows = (await auditRowsWithAction("staff.session.idle_timeout")).filter((row) => row.actorId === member.id);
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ actorId: member.id, ipAddress: "192.0.2.81" });
    // Ended, not merely hidden: the next request is signed out and writes nothing more.
    expect(await readStaffSession({ request: browser.request() })).toEqual({ status: "signed-out" });
    expect(await auditCount("staff.session.idle_timeout", member.id)).toBe(before + 1);
  });

  it("touch: false reads the session without counting as activity", async () => {
    const { browser, sessionId } = await signedInBrowser();
    const lastActive = await idleFor(sessionId, IDLE_MINUTES - 2);
    const state = await readStaffSession({ request: browser.request(), touch: false });
    expect(state).toMatchObject({ status: "active" });
    expect((await sessionRow(sessionId))?.updatedAt).toEqual(lastActive);
    await timePasses(sessionId, 3);
    expect(await readStaffSession({ request: browser.request() })).toEqual({ status: "signed-out" });
  });

  it("activity extends the session", async () => {
    const { browser, sessionId } = await signedInBrowser();
    const lastActive = await idleFor(sessionId, IDLE_MINUTES - 2);
    expect(await readStaffSession({ request: browser.request() })).toMatchObject({ status: "active" });
    const touched = (await sessionRow(sessionId))?.updatedAt;
    expect(touched?.getTime()).toBeGreaterThan(lastActive.getTime());
    await timePasses(sessionId, 3);
    expect(await readStaffSession({ request: browser.request() })).toMatchObject({ status: "active" });
  });

  it("reports when the idle timeout will end the session (for the warning)", async () => {
    const { browser, sessionId } = await signedInBrowser();
    const lastActive = await idleFor(sessionId, 5);
    const state = await readStaffSession({ request: browser.request(), touch: false });
    if (state.status !== "active") throw new Error(state.status);
    expect(state.session.lastActiveAt).toEqual(lastActive);
    expect(state.session.idleExpiresAt).toEqual(new Date(lastActive.getTime() + IDLE_MINUTES * 60_000));
  });
});

describe("absolute lifetime", () => {
  it("ends a session 12 hours after sign-in however active it was; audited as expired", async () => {
    const { browser, sessionId } = await signedInBrowser("192.0.2.82");
    await sql.query(`UPDATE "StaffSession" SET "createdAt" = now() - interval '12 hours 1 minute', "updatedAt" = now() WHERE "id" = $1`, [sessionId]);
    expect(await readStaffSession({ request: browser.request() })).toEqual({ status: "signed-out" });
    expect(await sessionRow(sessionId)).toBeUndefined();
    const rows = (await auditRowsWithAction("staff.session.expired")).filter((row) => row.actorId === member.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ ipAddress: "192.0.2.82" });
  });

  it("keeps a session just under 12 hours old, and the idle deadline never passes the 12-hour mark", async () => {
    const { browser, sessionId } = await signedInBrowser();
    const { rows } = await sql.query<{ createdAt: Date }>(
      `UPDATE "StaffSession" SET "createdAt" = now() - interval '11 hours 55 minutes', "updatedAt" = now() WHERE "id" = $1 RETURNING "createdAt"`,
      [sessionId],
    );
    const createdAt = rows[0]?.createdAt;
    if (!createdAt) throw new Error("no session");
    const state = await readStaffSession({ request: browser.request() });
    if (state.status !== "active") throw new Error(state.status);
    expect(state.session.idleExpiresAt).toEqual(new Date(createdAt.getTime() + STAFF_SESSION_ABSOLUTE_SECONDS * 1000));
  });

  it("sets the session row to expire after 12 hours", async () => {
    const { sessionId } = await signedInBrowser();
    const { rows } = await sql.query<{ seconds: number }>(
      `SELECT extract(epoch FROM "expiresAt" - "createdAt") AS seconds FROM "StaffSession" WHERE "id" = $1`,
      [sessionId],
    );
    expect(Math.round(Number(rows[0]?.seconds))).toBe(STAFF_SESSION_ABSOLUTE_SECONDS);
  });
});

describe("signing out", () => {
  it("ends this session only", async () => {
    const laptop = await signedInBrowser();
    const phone = await signedInBrowser();
    await signOutStaff({ staff: await staffContext(laptop.browser), everywhere: false });
    expect(await readStaffSession({ request: laptop.browser.request() })).toEqual({ status: "signed-out" });
    expect(await sessionRow(laptop.sessionId)).toBeUndefined();
    expect(await readStaffSession({ request: phone.browser.request() })).toMatchObject({ status: "active" });
  });

  it("everywhere ends every session of the account, and no one else's", async () => {
    const laptop = await signedInBrowser();
    const phone = await signedInBrowser("192.0.2.83");
    const colleague = await createEnrolledAdmin({ email: "colleague@clinic.example", password: "colleague passphrase here" });
    await signOutStaff({ staff: await staffContext(laptop.browser), everywhere: true });
    expect(await readStaffSession({ request: laptop.browser.request() })).toEqual({ status: "signed-out" });
    expect(await readStaffSession({ request: phone.browser.request() })).toEqual({ status: "signed-out" });
    const { rows } = await sql.query(`SELECT 1 FROM "StaffSession" WHERE "userId" = $1`, [member.id]);
    expect(rows).toEqual([]);
    expect(await readStaffSession({ request: colleague.browser.request() })).toMatchObject({ status: "active" });
  });
});

describe("the session cookie", () => {
  it("is HttpOnly, SameSite=Lax, and lives at most 12 hours", async () => {
    const browser = new StaffBrowser();
    const first = await signInWithPassword({ email: member.email, password: member.password, request: browser.request() });
    if (!first.ok) throw new Error(first.error);
    browser.absorb(first.setCookies);
    const second = await verifySecondFactor({ code: totpCode(member.secret), kind: "totp", request: browser.request() });
    if (!second.ok) throw new Error(second.error);
    const cookie = second.setCookies.find((line) => line.startsWith("iop-staff.session_token="));
    if (!cookie) throw new Error(`no session cookie in ${JSON.stringify(second.setCookies)}`);
    const attributes = cookie.split(";").slice(1).map((a) => a.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "path=/", `max-age=${STAFF_SESSION_ABSOLUTE_SECONDS}`]));
  });

  it("does not accept a forged cookie", async () => {
    const forged = new StaffBrowser();
    forged.absorb(["iop-staff.session_token=made-up-token.c2lnbmF0dXJl; Path=/; HttpOnly"]);
    expect(await readStaffSession({ request: forged.request() })).toEqual({ status: "signed-out" });
  });
});
