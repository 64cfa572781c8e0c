import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect, type Browser } from "@playwright/test";
import { RESULTS_DIR } from "../paths";
import { e2eSettings } from "../settings";
import { createAdminWithCli } from "./create-admin-with-cli";
import { invitationLinkFor } from "./invitation-mail";
import { cookieHeader } from "./staff-fetch";
import { acceptInvitation, enrol, inviteFromUsersPage, openSetUpLink } from "./staff-flows";
import { restoreSession, sessionExists, sessionsOf, setBanned, staffUserByEmail, type StaffSessionRow } from "./staff-database";

// Who the authorisation matrix asks as. Every account is made the way people
// make them (the command line for admins, invitations for everyone else) and
// signed in through the real pages in Chromium; the browser's cookie is then
// replayed on plain HTTP requests. Only the last three personas are reached
// through SQL, as the brief allows: a disabled account still holding its
// cookie, and a session past its idle timeout or its absolute lifetime.
export const PERSONA_NAMES = ["anonymous", "withoutMfa", "coordinator", "admin", "disabled", "idleExpired", "absoluteExpired"] as const;
export type PersonaName = (typeof PERSONA_NAMES)[number];

export type StaffAccount = {
  id: string;
  email: string;
  name: string;
  password: string;
  role: "admin" | "coordinator";
  /** The TOTP key, once enrolled. */
  secret: string | null;
};

export type Persona = {
  name: PersonaName;
  account: StaffAccount | null;
  cookie: string | undefined;
  session: StaffSessionRow | null;
};

export type Personas = Record<PersonaName, Persona> & { tag: string };

/** Signed out as far as the app must be concerned, cookie or not. */
export const SIGNED_OUT: readonly PersonaName[] = ["anonymous", "disabled", "idleExpired", "absoluteExpired"];
/** Personas whose cookie holds a session that the app must end on sight. */
export const ENDED_ON_SIGHT: readonly PersonaName[] = ["disabled", "idleExpired", "absoluteExpired"];

const MINUTE = 60_000;

/**
 * Puts the persona's state in place right before a request: the disabled
 * account banned with its session row back, the expired ones with their row
 * back and aged (the app deletes each on sight, so every request needs it anew).
 */
export async function preparePersona(persona: Persona): Promise<void> {
  const { session, account } = persona;
  if (!session || !account) return;
  const now = Date.now();
  if (persona.name === "disabled") {
    await setBanned(account.id, true);
    await restoreSession(session, { createdAt: new Date(now - MINUTE), updatedAt: new Date(now - 1000) });
  } else if (persona.name === "idleExpired") {
    // 61 minutes: past any idle timeout the app accepts (at most 60).
    await restoreSession(session, { createdAt: new Date(now - 62 * MINUTE), updatedAt: new Date(now - 61 * MINUTE) });
  } else if (persona.name === "absoluteExpired") {
    // Active a second ago, but signed in more than 12 hours ago (the row's
    // expiresAt is left in the future: the app's own rule must catch it).
    await restoreSession(session, { createdAt: new Date(now - 12 * 60 * MINUTE - 5 * MINUTE), updatedAt: new Date(now - 1000) });
  }
}

export function everyAccount(personas: Personas): StaffAccount[] {
  return PERSONA_NAMES.map((name) => personas[name].account).filter((account): account is StaffAccount => account !== null);
}

const CACHE_FILE = path.join(RESULTS_DIR, "staff-matrix-personas.json");

type Cache = { databaseUrl: string; personas: Personas };

function reviveDates(personas: Personas): Personas {
  for (const name of PERSONA_NAMES) {
    const session = personas[name].session;
    if (session) {
      session.createdAt = new Date(session.createdAt);
      session.updatedAt = new Date(session.updatedAt);
      session.expiresAt = new Date(session.expiresAt);
    }
  }
  return personas;
}

/**
 * Playwright starts a new worker after a failed test, and the new worker runs
 * beforeAll again; the personas (a minute of browser work) are kept in a file
 * for the run's database and reused while their sessions live.
 */
async function cachedPersonas(): Promise<Personas | undefined> {
  try {
    const cache = JSON.parse(await readFile(CACHE_FILE, "utf8")) as Cache;
    if (cache.databaseUrl !== e2eSettings().databaseUrl) return undefined;
    const personas = reviveDates(cache.personas);
    for (const name of ["withoutMfa", "coordinator", "admin"] as const) {
      const session = personas[name].session;
      if (!session || !(await sessionExists(session.id))) return undefined;
    }
    return personas;
  } catch {
    return undefined;
  }
}

async function onlySession(userId: string): Promise<StaffSessionRow> {
  const rows = await sessionsOf(userId);
  if (rows.length !== 1) throw new Error(`expected one session for ${userId}, found ${rows.length}`);
  const [row] = rows;
  if (!row) throw new Error("unreachable");
  return row;
}

export async function matrixPersonas(browser: Browser): Promise<Personas> {
  const cached = await cachedPersonas();
  if (cached) return cached;
  const personas = await createPersonas(browser);
  await writeFile(CACHE_FILE, JSON.stringify({ databaseUrl: e2eSettings().databaseUrl, personas } satisfies Cache));
  return personas;
}

async function createPersonas(browser: Browser): Promise<Personas> {
  const tag = randomBytes(4).toString("hex");
  const baseURL = e2eSettings().baseUrl;
  const account = (label: string, role: StaffAccount["role"]): Omit<StaffAccount, "id" | "secret"> => ({
    email: `matrix-${label}-${tag}@clinic.example`,
    name: `Matrix ${label} ${tag}`,
    password: `${label} walks the ${tag} lighthouse at dawn`,
    role,
  });

  // An admin from the command line, enrolled: the one who invites the rest.
  const admin = account("admin", "admin");
  const adminCli = await createAdminWithCli(admin);
  const adminContext = await browser.newContext({ baseURL });
  const adminPage = await adminContext.newPage();
  await openSetUpLink(adminPage, { text: adminCli.output, password: admin.password });
  const adminFactor = await enrol(adminPage, admin.password);

  // Another admin from the command line who has opened the set-up link but
  // not connected an authenticator.
  const withoutMfa = account("unenrolled", "admin");
  const withoutMfaCli = await createAdminWithCli(withoutMfa);
  const withoutMfaContext = await browser.newContext({ baseURL });
  const withoutMfaPage = await withoutMfaContext.newPage();
  await openSetUpLink(withoutMfaPage, { text: withoutMfaCli.output, password: withoutMfa.password });
  await expect(withoutMfaPage).toHaveURL(/\/staff\/enrol$/);

  // Invited colleagues, each enrolled in a browser of their own.
  const invited = async (details: Omit<StaffAccount, "id" | "secret">) => {
    await inviteFromUsersPage(adminPage, { email: details.email, role: details.role });
    const { link } = await invitationLinkFor(details.email);
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await acceptInvitation(page, { link, name: details.name, password: details.password });
    const factor = await enrol(page, details.password);
    const user = await staffUserByEmail(details.email);
    const cookie = cookieHeader(await context.cookies());
    await context.close();
    return { account: { ...details, id: user.id, secret: factor.secret }, cookie, session: await onlySession(user.id) };
  };
  const coordinator = await invited(account("coordinator", "coordinator"));
  // Admins, so that what they must no longer reach is the most they could.
  const disabled = await invited(account("disabled", "admin"));
  const expired = await invited(account("expired", "admin"));

  const adminUser = await staffUserByEmail(admin.email);
  const adminPersona: Persona = {
    name: "admin",
    account: { ...admin, id: adminUser.id, secret: adminFactor.secret },
    cookie: cookieHeader(await adminContext.cookies()),
    session: await onlySession(adminUser.id),
  };
  await adminContext.close();

  const withoutMfaUser = await staffUserByEmail(withoutMfa.email);
  const withoutMfaPersona: Persona = {
    name: "withoutMfa",
    account: { ...withoutMfa, id: withoutMfaUser.id, secret: null },
    cookie: cookieHeader(await withoutMfaContext.cookies()),
    session: await onlySession(withoutMfaUser.id),
  };
  await withoutMfaContext.close();

  return {
    tag,
    anonymous: { name: "anonymous", account: null, cookie: undefined, session: null },
    withoutMfa: withoutMfaPersona,
    coordinator: { name: "coordinator", ...coordinator },
    admin: adminPersona,
    disabled: { name: "disabled", ...disabled },
    idleExpired: { name: "idleExpired", ...expired },
    absoluteExpired: { name: "absoluteExpired", ...expired },
  };
}
