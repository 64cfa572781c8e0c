import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import {
  builtRoutes,
  builtServerActions,
  exportedMethods,
  sourceStaffPagePaths,
  type BuiltServerAction,
} from "./support/staff/build-output";
import { e2eSettings } from "./support/settings";
import {
  ACCOUNT_ACTIONS,
  ADMIN_REFUSAL,
  CLINIC_ACTION,
  CLOSURE_ACTIONS,
  CONFIRM_ACTION,
  INQUIRY_ACTIONS,
  RETENTION_ACTIONS,
  SETTINGS_ACTIONS,
  STAFF_REFUSAL,
  TRIAGE_REFUSAL,
  WEBHOOK_ACTIONS,
} from "./support/staff/access/action-files";
import { SERVER_ACTIONS, type ActionAccess } from "./support/staff/access/server-actions";
import { STAFF_PAGES, type PageAccess, type PageRule } from "./support/staff/access/staff-pages";
import { invitationLinkFor, mailTo } from "./support/staff/invitation-mail";
import {
  ENDED_ON_SIGHT,
  everyAccount,
  matrixPersonas,
  PERSONA_NAMES,
  preparePersona,
  SIGNED_OUT,
  type Persona,
  type PersonaName,
  type Personas,
  type StaffAccount,
} from "./support/staff/personas";
import { callServerAction, form, json, type ActionArgument, type ActionResponse } from "./support/staff/server-action";
import { sessionExists, sessionsOf, staffUserByEmail, withStaffDb } from "./support/staff/staff-database";
import { fetchStaffPath, type PageResponse } from "./support/staff/staff-fetch";
import { failedNotification, notificationStatus, stateDigest, submitTestInquiry, type TestInquiry } from "./support/staff/test-inquiry";
import { CONSENT_TEXT_VERSION } from "@/lib/validations/inquiry-options";
import { totpCode } from "@/__tests__/support/totp";

// The authorisation matrix of the staff area, generated from the production
// build: every staff page (.next/app-path-routes-manifest.json), every server
// action (.next/server/server-reference-manifest.json) and every route handler
// must have an entry in the tables below, or the first test fails. Each entry
// says who may use it; every entry is then tried as each persona:
//
//   anonymous        no cookie
//   withoutMfa       password accepted, no authenticator enrolled yet
//   coordinator      enrolled, role coordinator
//   admin            enrolled, role admin
//   disabled         an admin disabled (banned) while still holding the cookie
//   idleExpired      an admin whose last activity is past the idle timeout
//   absoluteExpired  an admin signed in more than 12 hours ago, active just now
//
// "No data" is checked on every answer a persona should not get: none of the
// other accounts' emails or names, nothing from the test inquiry's record,
// none of the page's own content. "No change" is checked in the database
// (a digest of everything a staff command can change) around every refused
// request.

// ─── The expectation tables ──────────────────────────────────────────────────
// Pages and server actions: support/staff/access/ (shared with the hostile-input spec).


/**
 * Route handlers (app/api and any other route.ts), with the request each
 * persona makes, the answer an allowed one gets (refused ones: 401 signed out
 * or not enrolled, 403 wrong role), and a count that a refused request (or,
 * with `everyone`, any request) must leave as it was.
 */
type RouteRule = {
  access: "public" | "staff" | "admin";
  methods: string[];
  probe: {
    method: string;
    query?: () => string;
    body?: string;
    contentType?: string;
    status: number;
    /** What only an allowed request gets back: a content type, or a pattern of the body. */
    responseType?: string;
    responseBody?: RegExp;
  };
  unchanged?: { sql: string; for: "refused" | "everyone" };
  /** Run before the allowed persona's probe (e.g. "Confirm it's you"). */
  beforeAllowed?: (persona: Persona) => Promise<void>;
};

const ROUTE_HANDLERS: Record<string, RouteRule> = {
  "/api/health": { access: "public", methods: ["GET"], probe: { method: "GET", status: 200 } },
  "/api/health/live": { access: "public", methods: ["GET"], probe: { method: "GET", status: 200, responseBody: /"status":"live"/ } },
  "/api/health/ready": { access: "public", methods: ["GET"], probe: { method: "GET", status: 200, responseBody: /"status":"ready"/ } },
  // Off unless METRICS_TOKEN is set (the suite sets none): the same 404 for everyone.
  "/api/metrics": { access: "public", methods: ["GET"], probe: { method: "GET", status: 404 } },
  "/api/v1/form-tokens": { access: "public", methods: ["POST"], probe: { method: "POST", status: 201 } },
  // An empty submission: refused as malformed, for everyone alike.
  "/api/v1/inquiries": {
    access: "public",
    methods: ["POST"],
    probe: { method: "POST", body: "{}", contentType: "application/json", status: 400 },
    unchanged: { sql: `SELECT count(*) AS n FROM "Inquiry"`, for: "everyone" },
  },
  // The open inbox's poll for new arrivals: counts for any enrolled account.
  "/api/staff/inbox/updates": {
    access: "staff",
    methods: ["GET"],
    probe: { method: "GET", query: () => `?since=${Date.now() - 60_000}`, status: 200, responseBody: /"total":\d+/ },
  },
  // The export form's target: a CSV for admins, an audit entry per export.
  "/api/staff/exports": {
    access: "admin",
    methods: ["POST"],
    probe: {
      method: "POST",
      body: "reason=Authorisation+matrix+check&columns=referenceCode",
      contentType: "application/x-www-form-urlencoded",
      status: 200,
      responseType: "text/csv",
    },
    unchanged: { sql: `SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'inquiry.exported'`, for: "refused" },
    // Issue 14: an admin must have confirmed it's them in the last minutes.
    beforeAllowed: async (persona) => {
      const headers = { Origin: new URL(e2eSettings().baseUrl).origin, "Content-Type": "application/x-www-form-urlencoded" };
      const body = "reason=Authorisation+matrix+check&columns=referenceCode";
      const unconfirmed = await fetchStaffPath("/api/staff/exports", { cookie: persona.cookie, method: "POST", body, headers });
      expect.soft(unconfirmed.status, "an export without 'Confirm it's you'").toBe(303);
      expect.soft(unconfirmed.headers.get("location") ?? "", "an export without 'Confirm it's you'").toContain("error=reauth");
      const confirmed = await invoke(actionNamed(CONFIRM_ACTION), persona, [json({}), form({ secret: persona.account?.password ?? "", next: "/staff/admin/export" })]);
      expect.soft(confirmed.redirect, "'Confirm it's you' with the password").toBe("/staff/admin/export");
    },
  },
  // The EHR hand-off download (issue 13): for staff; an unknown inquiry is a
  // 404 past the access check, and no export is ever audited here.
  "/api/staff/fhir-exports": {
    access: "staff",
    methods: ["POST"],
    probe: {
      method: "POST",
      body: "inquiryId=00000000-0000-4000-8000-000000000000",
      contentType: "application/x-www-form-urlencoded",
      status: 404,
      responseBody: /"title":"No such inquiry"/,
    },
    unchanged: { sql: `SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'inquiry.fhir_exported'`, for: "everyone" },
  },
  "/icon.svg": { access: "public", methods: ["GET"], probe: { method: "GET", status: 200 } },
  "/robots.txt": { access: "public", methods: ["GET"], probe: { method: "GET", status: 200 } },
  "/manifest.webmanifest": { access: "public", methods: ["GET"], probe: { method: "GET", status: 200 } },
  // Served at /.well-known/security.txt through a rewrite.
  "/api/well-known/security-txt": { access: "public", methods: ["GET"], probe: { method: "GET", status: 200 } },
};

// ─── Expected outcomes ───────────────────────────────────────────────────────

const ACTIVE: readonly PersonaName[] = ["coordinator", "admin"];
const isStaffPage = (urlPath: string) => urlPath === "/staff" || urlPath.startsWith("/staff/");

type PageOutcome = { status: 200 } | { status: 307; location: string } | { status: 403 };

function expectedPageOutcome(access: PageAccess, persona: PersonaName): PageOutcome {
  const signedOut = SIGNED_OUT.includes(persona);
  switch (access) {
    case "anyone":
      return { status: 200 };
    case "sign-in":
      return ACTIVE.includes(persona) ? { status: 307, location: "/staff" } : { status: 200 };
    case "unenrolled":
      if (signedOut) return { status: 307, location: "/staff/sign-in" };
      return persona === "withoutMfa" ? { status: 200 } : { status: 307, location: "/staff" };
    case "staff":
    case "admin":
      if (signedOut) return { status: 307, location: "/staff/sign-in" };
      if (persona === "withoutMfa") return { status: 307, location: "/staff/enrol" };
      return access === "admin" && persona === "coordinator" ? { status: 403 } : { status: 200 };
  }
}

function mayUseAction(access: ActionAccess, persona: PersonaName): boolean {
  switch (access) {
    case "anyone":
    case "public-intake":
      return true;
    case "unenrolled":
      return persona === "withoutMfa";
    case "staff":
      return ACTIVE.includes(persona);
    case "admin":
      return persona === "admin";
  }
}

// ─── Shared state and helpers ────────────────────────────────────────────────

let personas: Personas;
/** An inquiry in the database, for the inbox and record pages and the triage actions. */
let record: TestInquiry;
const everyPersona = (): Persona[] => PERSONA_NAMES.map((name) => personas[name]);

type Disclosure = { sent?: string[]; mayShowStaff?: boolean; mayShowRecord?: boolean };

/**
 * Other accounts' emails and names, and the test inquiry's personal details,
 * found in `body`. The persona's own details are fine, and so is what the
 * request itself sent (the sign-in form hands back the address it was given).
 */
function foreignDataIn(body: string, persona: Persona, disclosure: Disclosure = {}): string[] {
  const staff = disclosure.mayShowStaff
    ? []
    : everyAccount(personas)
        .filter((account) => account.id !== persona.account?.id)
        .flatMap((account) => [account.email, account.name]);
  const personal = disclosure.mayShowRecord || !record ? [] : record.personalValues;
  return [...staff, ...personal].filter((value) => !(disclosure.sent ?? []).includes(value) && body.includes(value));
}

function expectNoForeignData(body: string, persona: Persona, where: string, disclosure: Disclosure = {}): void {
  expect.soft(foreignDataIn(body, persona, disclosure), `data not for ${persona.name} in ${where}`).toEqual([]);
}

const SESSION_COOKIE = /(?:^|__Secure-)iop-staff\.session_token=([^;]+)/;
const TWO_FACTOR_COOKIE = /iop-staff\.two_factor=([^;]+)/;

/** A Set-Cookie that gives the client a (non-empty) session. */
function setsSession(setCookies: string[]): boolean {
  return setCookies.some((line) => {
    const value = SESSION_COOKIE.exec(line)?.[1];
    return value !== undefined && value !== "" && !/max-age=0/i.test(line);
  });
}

function expectStaffHeaders(headers: Headers, where: string): void {
  expect.soft(headers.get("cache-control") ?? "", `Cache-Control on ${where}`).toContain("no-store");
  expect.soft(headers.get("x-robots-tag") ?? "", `X-Robots-Tag on ${where}`).toContain("noindex");
}

function actionNamed(name: string): BuiltServerAction {
  const action = builtServerActions().find((candidate) => candidate.name === name);
  if (!action) throw new Error(`${name} is in the matrix but not in the build`);
  return action;
}

/** Where the browser posts the action: the shortest page path that holds it (/staff rather than /staff/admin/users). */
function postPathOf(action: BuiltServerAction): string {
  const [first] = [...action.pagePaths].sort((a, b) => a.length - b.length);
  if (!first) throw new Error(`${action.name}: no page in the build holds it`);
  return first;
}

async function invoke(action: BuiltServerAction, persona: Persona, args: ActionArgument[]): Promise<ActionResponse> {
  await preparePersona(persona);
  const response = await callServerAction({ actionId: action.id, pagePath: postPathOf(action), args, cookie: persona.cookie });
  // A wrong id or encoding would make every "nothing changed" pass vacuously.
  expect(response.headers.get("x-nextjs-action-not-found"), `${action.exportedName}: Next.js found the action`).toBeNull();
  expect(response.status, `${action.exportedName} as ${persona.name}: not a malformed request`).not.toBe(400);
  expect(response.status, `${action.exportedName} as ${persona.name}: not a missing action`).not.toBe(404);
  return response;
}

/** Every check against an action, as a persona not allowed to use it: no other staff's data, no session handed out. */
async function invokeRefused(
  action: BuiltServerAction,
  persona: Persona,
  args: ActionArgument[],
  options: { readsSession: boolean } = { readsSession: true },
): Promise<ActionResponse> {
  await preparePersona(persona);
  const digest = await stateDigest(record.id);
  const response = await invoke(action, persona, args);
  const where = `${action.exportedName} as ${persona.name}`;
  expect.soft(await stateDigest(record.id), `${where}: the database changed`).toBe(digest);
  // The sign-in form hands back the address it was given; that is the caller's own input.
  const sent = args.flatMap((argument) => ("form" in argument ? Object.values(argument.form).flat() : []));
  expectNoForeignData(response.body, persona, where, { sent });
  for (const rule of Object.values(STAFF_PAGES)) {
    if (rule.listsStaff) expect.soft(response.body.includes(rule.content), `${where}: content of an admin page in the answer`).toBe(false);
  }
  expect.soft(setsSession(response.setCookies), `${where}: a session cookie`).toBe(false);
  if (options.readsSession && ENDED_ON_SIGHT.includes(persona.name) && persona.session) {
    expect.soft(await sessionExists(persona.session.id), `${where}: the session was ended`).toBe(false);
  }
  return response;
}

// Personas in the order actions are tried: the allowed admin last, so its
// positive control runs after every refusal has been checked.
const refusedFirst = (access: ActionAccess): Persona[] =>
  [...everyPersona()].sort((a, b) => Number(mayUseAction(access, a.name)) - Number(mayUseAction(access, b.name)));

type InvitationRow = { id: string; role: string; acceptedAt: Date | null; revokedAt: Date | null };

async function invitationsTo(email: string): Promise<InvitationRow[]> {
  return withStaffDb(async (client) => {
    const { rows } = await client.query<InvitationRow>(
      `SELECT id, role, "acceptedAt", "revokedAt" FROM "StaffInvitation" WHERE email = $1 ORDER BY "createdAt"`,
      [email.toLowerCase()],
    );
    return rows;
  });
}

async function invitationById(id: string): Promise<InvitationRow | undefined> {
  return withStaffDb(async (client) => {
    const { rows } = await client.query<InvitationRow>(`SELECT id, role, "acceptedAt", "revokedAt" FROM "StaffInvitation" WHERE id = $1`, [id]);
    return rows[0];
  });
}

async function staffUserCount(): Promise<number> {
  return withStaffDb(async (client) => Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "StaffUser"`)).rows[0]?.n ?? -1));
}

type FactorRow = { userId: string; secret: string; backupCodes: string; verified: boolean | null };

async function factorsById(): Promise<Map<string, FactorRow>> {
  return withStaffDb(async (client) => {
    const { rows } = await client.query<FactorRow>(`SELECT "userId", secret, "backupCodes", verified FROM "StaffTwoFactor"`);
    return new Map(rows.map((row) => [row.userId, row]));
  });
}

async function sessionIdsExcept(userId: string | null): Promise<string[]> {
  return withStaffDb(async (client) => {
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM "StaffSession" WHERE "userId" IS DISTINCT FROM $1 ORDER BY id`, [userId]);
    return rows.map((row) => row.id);
  });
}

const inviteAction = () => actionNamed("app/staff/(signed-in)/admin/users/actions.ts#inviteStaffAction");
const acceptAction = () => actionNamed("app/staff/invitation/actions.ts#acceptInvitationAction");

/**
 * A fresh account, made through the actions over HTTP: the admin invites,
 * the link comes from the SMTP server, an anonymous client accepts. Also the
 * positive control of both actions.
 */
async function accountThroughActions(label: string, role: "admin" | "coordinator"): Promise<StaffAccount & { cookie: string }> {
  const email = `matrix-${label}-${personas.tag}-${Date.now().toString(36)}@clinic.example`;
  const invited = await invoke(inviteAction(), personas.admin, [json({}), form({ email, role })]);
  expect(invited.body, "the admin's invitation over HTTP").toContain(`Invitation sent to ${email}`);
  const { link } = await invitationLinkFor(email);
  const token = new URL(link).hash.replace(/^#token=/, "");
  const name = `Matrix ${label} ${personas.tag}`;
  const password = `${label} crosses the ${personas.tag} river twice`;
  const accepted = await invoke(acceptAction(), personas.anonymous, [json({}), form({ token, name, password, confirmPassword: password })]);
  expect(accepted.redirect, "accepting the invitation over HTTP").toBe("/staff/enrol");
  expect(setsSession(accepted.setCookies), "accepting the invitation signs the new account in").toBe(true);
  const user = await staffUserByEmail(email);
  const cookie = accepted.setCookies.map((line) => line.split(";")[0] ?? "").join("; ");
  return { id: user.id, email, name, password, role, secret: null, cookie };
}

async function auditCount(action: string, actorId: string): Promise<number> {
  return withStaffDb(async (client) =>
    Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "AuditEvent" WHERE action = $1 AND "actorId" = $2`, [action, actorId])).rows[0]?.n ?? -1),
  );
}

// ─── The build against the tables ────────────────────────────────────────────

test("the matrix lists exactly the staff pages, server actions and route handlers in the build", () => {
  const routes = builtRoutes();
  const builtPages = routes.filter((route) => route.kind === "page" && isStaffPage(route.path)).map((route) => route.path).sort();
  const builtActions = builtServerActions().map((action) => action.name).sort();
  const builtHandlers = routes.filter((route) => route.kind === "route").map((route) => route.path).sort();

  // A build older than the source would make the comparison meaningless.
  // (Pages only: a "use server" module no page imports gets no action id and
  // cannot be called, so the source's actions may rightly exceed the build's.)
  expect(builtPages, "staff pages in the source but not in .next: run `next build` again").toEqual(sourceStaffPagePaths());

  // Anything new without an entry (or an entry for something gone) fails here.
  expect.soft(builtPages, "staff pages in the build vs STAFF_PAGES").toEqual(Object.keys(STAFF_PAGES).sort());
  expect.soft(builtActions, "server actions in the build vs SERVER_ACTIONS").toEqual(Object.keys(SERVER_ACTIONS).sort());
  expect.soft(builtHandlers, "route handlers in the build vs ROUTE_HANDLERS").toEqual(Object.keys(ROUTE_HANDLERS).sort());
  expect.soft(Object.keys(ACTION_CHECKS).filter((name) => !(name in SERVER_ACTIONS)), "checks for actions not in SERVER_ACTIONS").toEqual([]);
  for (const route of routes.filter((candidate) => candidate.kind === "route")) {
    const rule = ROUTE_HANDLERS[route.path];
    if (rule) expect.soft(exportedMethods(route.entry), `HTTP methods ${route.path} exports`).toEqual(rule.methods);
  }
});

// ─── Pages ───────────────────────────────────────────────────────────────────

function definePageTests(): void {
  for (const [urlPath, rule] of Object.entries(STAFF_PAGES)) {
    test(`page ${urlPath} (${rule.access})`, async () => {
      expect(builtRoutes().some((route) => route.kind === "page" && route.path === urlPath), `${urlPath} is in the build`).toBe(true);
      for (const persona of everyPersona()) {
        const expected = expectedPageOutcome(rule.access, persona.name);
        const where = `${urlPath} as ${persona.name}`;
        const url = rule.path?.(record) ?? urlPath;
        const refused = expected.status !== 200;

        await preparePersona(persona);
        const before = refused ? await stateDigest(record.id) : "";
        const page = await fetchStaffPath(url, { cookie: persona.cookie });
        expect.soft(page.status, `status of ${where}`).toBe(expected.status);
        if (expected.status === 307) expect.soft(page.location, `redirect of ${where}`).toBe(expected.location);
        if (expected.status === 403) expect.soft(page.body, `${where}`).toContain("Not available to your role");
        expectStaffHeaders(page.headers, where);
        checkPageBody(page, { rule, persona, allowed: expected.status === 200, where });
        expect.soft(setsSession(page.setCookies), `${where}: a session cookie`).toBe(false);
        if (ENDED_ON_SIGHT.includes(persona.name) && persona.session && rule.access !== "anyone") {
          expect.soft(await sessionExists(persona.session.id), `${where}: the session was ended`).toBe(false);
        }
        if (refused) expect.soft(await stateDigest(record.id), `${where}: the database changed`).toBe(before);

        // The same page as a client-side navigation fetches it (RSC payload):
        // always 200, with the redirect or the 403 as an instruction in the
        // payload for the client router to carry out.
        await preparePersona(persona);
        const beforePayload = refused ? await stateDigest(record.id) : "";
        const payload = await fetchStaffPath(url, { cookie: persona.cookie, rsc: true });
        if (refused) expect.soft(await stateDigest(record.id), `${where} (RSC): the database changed`).toBe(beforePayload);
        expect.soft(payload.status, `status of ${where} (RSC)`).toBe(200);
        if (expected.status === 307) expect.soft(payload.body, `${where} (RSC)`).toContain(`NEXT_REDIRECT;replace;${expected.location};307;`);
        if (expected.status === 403) expect.soft(payload.body, `${where} (RSC)`).toContain("NEXT_HTTP_ERROR_FALLBACK;403");
        checkPageBody(payload, { rule, persona, allowed: expected.status === 200, where: `${where} (RSC)` });
      }
    });
  }
}

function checkPageBody(page: PageResponse, options: { rule: PageRule; persona: Persona; allowed: boolean; where: string }): void {
  const { rule, persona, allowed, where } = options;
  if (allowed) expect.soft(page.body, `${where}: the page itself`).toContain(rule.content);
  else expect.soft(page.body.includes(rule.content), `${where}: the page's content in a refused answer`).toBe(false);
  expectNoForeignData(page.body, persona, where, { mayShowStaff: allowed && rule.listsStaff, mayShowRecord: allowed && rule.showsRecord });
  if (!allowed) {
    // Nor anything from any other page that only signed-in staff see.
    for (const [otherPath, other] of Object.entries(STAFF_PAGES)) {
      if (other.access === "staff" || other.access === "admin") {
        expect.soft(page.body.includes(other.content), `${where}: content of ${otherPath}`).toBe(false);
      }
    }
  }
}

// ─── Server actions ──────────────────────────────────────────────────────────

// What each action must do for each persona. A new entry in SERVER_ACTIONS
// needs its check here (the test fails without one): call it as every
// persona with invoke()/invokeRefused(), assert what a refused persona gets,
// and prove nothing changed with a database read before and after; give the
// allowed persona a positive control, so a wrong request cannot pass as a
// refusal.
/**
 * The common shape of a check for an action behind requireStaffAction:
 * every refused persona gets the refusal (proof that the access check ran
 * before anything else) and the digest of the database stays the same
 * (invokeRefused); the lowest allowed role gets past the check, with a
 * positive control where one is cheap and harmless.
 */
type GuardedSpec = {
  access: "staff" | "admin";
  refusal: string;
  /** A request that would change something if the access check let it through. */
  args: () => Promise<ActionArgument[]>;
  /** What the allowed persona sends (defaults to `args`): often a harmless variant. */
  allowedArgs?: () => Promise<ActionArgument[]>;
  allowedResult?: () => string;
  /** Beyond other staff's data and the record's personal details. */
  refusedMustNotContain?: () => string[];
};

function guarded(name: string, spec: GuardedSpec): () => Promise<void> {
  return async () => {
    const action = actionNamed(name);
    for (const persona of everyPersona()) {
      if (mayUseAction(spec.access, persona.name)) continue;
      const response = await invokeRefused(action, persona, await spec.args());
      const where = `${action.exportedName} as ${persona.name}`;
      expect.soft(response.body, where).toContain(spec.refusal);
      for (const value of spec.refusedMustNotContain?.() ?? []) expect.soft(response.body.includes(value), `${where}: ${value} in the answer`).toBe(false);
    }
    const allowed = spec.access === "admin" ? personas.admin : personas.coordinator;
    const response = await invoke(action, allowed, await (spec.allowedArgs ?? spec.args)());
    const where = `${action.exportedName} as ${allowed.name}`;
    expect.soft(response.body, `${where}: past the access check`).not.toContain(spec.refusal);
    if (spec.allowedResult) expect.soft(response.body, where).toContain(spec.allowedResult());
  };
}


/** An anonymous "way in" with a link that does not exist: refused alike for everyone, nothing written, no session. */
function unknownLink(name: string, fields: Record<string, string>, refusal: string): () => Promise<void> {
  return async () => {
    const action = actionNamed(name);
    for (const persona of everyPersona()) {
      const response = await invokeRefused(action, persona, [json({}), form({ token: "A".repeat(43), ...fields })], { readsSession: false });
      expect.soft(response.body, `${action.exportedName} as ${persona.name}`).toContain(refusal);
    }
  };
}

/** The arguments of an inquiry detail form about the test inquiry. */
const onRecord = (fields: Record<string, string>) => async (): Promise<ActionArgument[]> => [json(null), form({ inquiryId: record.id, ...fields })];
const adminForm = (fields: Record<string, string>) => async (): Promise<ActionArgument[]> => [json({}), form(fields)];

async function firstRow(sql: string, params: string[] = []): Promise<string | undefined> {
  return withStaffDb(async (client) => (await client.query<{ value: string }>(sql, params)).rows[0]?.value);
}

const ACTION_CHECKS: Record<string, () => Promise<void>> = {
  // Issue 14: set-up and password links, "Confirm it's you", account self-service.
  "app/staff/enrol/link/actions.ts#redeemEnrolmentLinkAction": unknownLink(
    "app/staff/enrol/link/actions.ts#redeemEnrolmentLinkAction",
    { password: "a password for a link that does not exist" },
    "This set-up link has expired, was already used or was replaced by a newer one.",
  ),
  "app/staff/password-reset/actions.ts#resetPasswordAction": unknownLink(
    "app/staff/password-reset/actions.ts#resetPasswordAction",
    { password: "a new password for nobody at all", confirmPassword: "a new password for nobody at all" },
    "This link has expired, was already used or was replaced by a newer one.",
  ),
  [CONFIRM_ACTION]: guarded(CONFIRM_ACTION, {
    access: "staff",
    refusal: STAFF_REFUSAL,
    args: adminForm({ secret: "not anyone's password at all", next: "/staff/admin/export" }),
    allowedResult: () => "That did not match.",
  }),
  [`${ACCOUNT_ACTIONS}#changePasswordAction`]: guarded(`${ACCOUNT_ACTIONS}#changePasswordAction`, {
    access: "staff",
    refusal: STAFF_REFUSAL,
    args: adminForm({ currentPassword: "x", newPassword: "a new password nobody may set", confirmPassword: "a new password nobody may set", code: "12" }),
    // A code of the wrong shape: past the access check, nothing changed.
    allowedResult: () => "Enter the 6-digit code your app shows now.",
  }),
  [`${ACCOUNT_ACTIONS}#regenerateRecoveryCodesAction`]: guarded(`${ACCOUNT_ACTIONS}#regenerateRecoveryCodesAction`, {
    access: "staff",
    refusal: STAFF_REFUSAL,
    args: adminForm({ password: "" }),
    allowedResult: () => "Enter your password.",
  }),
  // The inbox search: a refused caller learns nothing, and no search is audited.
  "app/staff/(signed-in)/inquiries/search-action.ts#searchInboxAction": guarded("app/staff/(signed-in)/inquiries/search-action.ts#searchInboxAction", {
    access: "staff",
    refusal: TRIAGE_REFUSAL,
    args: async () => [json(null), form({ q: record.personalValues[2] ?? "" })],
    allowedResult: () => record.referenceCode,
    refusedMustNotContain: () => [record.referenceCode, record.id],
  }),
  [`${INQUIRY_ACTIONS}#assignAction`]: guarded(`${INQUIRY_ACTIONS}#assignAction`, {
    access: "staff",
    refusal: TRIAGE_REFUSAL,
    args: onRecord({ assigneeId: "me" }),
    allowedResult: () => "Assigned to you.",
  }),
  [`${INQUIRY_ACTIONS}#addNoteAction`]: guarded(`${INQUIRY_ACTIONS}#addNoteAction`, {
    access: "staff",
    refusal: TRIAGE_REFUSAL,
    args: onRecord({ body: "A note a refused caller must not be able to add." }),
    allowedArgs: onRecord({ body: "A note by the coordinator." }),
    allowedResult: () => "Note added.",
  }),
  [`${INQUIRY_ACTIONS}#editNoteAction`]: guarded(`${INQUIRY_ACTIONS}#editNoteAction`, {
    access: "staff",
    refusal: TRIAGE_REFUSAL,
    args: async () => {
      const noteId = (await firstRow(`SELECT id::text AS value FROM "InquiryNote" WHERE "inquiryId" = $1`, [record.id])) ?? randomUUID();
      return onRecord({ noteId, body: "Rewritten by a refused caller." })();
    },
  }),
  [`${INQUIRY_ACTIONS}#logAttemptAction`]: guarded(`${INQUIRY_ACTIONS}#logAttemptAction`, {
    access: "staff",
    refusal: TRIAGE_REFUSAL,
    args: onRecord({ attempt: "CALL:NO_ANSWER" }),
  }),
  [`${INQUIRY_ACTIONS}#continueAttemptsAction`]: guarded(`${INQUIRY_ACTIONS}#continueAttemptsAction`, {
    access: "staff",
    refusal: TRIAGE_REFUSAL,
    args: onRecord({}),
  }),
  [`${INQUIRY_ACTIONS}#changeStageAction`]: guarded(`${INQUIRY_ACTIONS}#changeStageAction`, {
    access: "staff",
    refusal: TRIAGE_REFUSAL,
    args: onRecord({ to: "REACHED" }),
  }),
  [`${INQUIRY_ACTIONS}#closeInquiryAction`]: guarded(`${INQUIRY_ACTIONS}#closeInquiryAction`, {
    access: "staff",
    refusal: TRIAGE_REFUSAL,
    args: async () => {
      const reason = await firstRow(`SELECT id::text AS value FROM "ExitReason" WHERE stage = 'NOT_A_FIT' AND active ORDER BY position LIMIT 1`);
      return onRecord({ exit: `NOT_A_FIT:${reason ?? randomUUID()}` })();
    },
    // The coordinator's own attempt is malformed on purpose: the record stays open for the other checks.
    allowedArgs: onRecord({ exit: "not-an-outcome" }),
    allowedResult: () => "Choose an outcome and its reason.",
  }),
  [`${INQUIRY_ACTIONS}#resolveDuplicateAction`]: guarded(`${INQUIRY_ACTIONS}#resolveDuplicateAction`, {
    access: "staff",
    refusal: TRIAGE_REFUSAL,
    args: onRecord({ decision: "dismiss" }),
  }),
  [`${SETTINGS_ACTIONS}#saveSettingsAction`]: guarded(`${SETTINGS_ACTIONS}#saveSettingsAction`, {
    access: "admin",
    refusal: ADMIN_REFUSAL,
    args: adminForm({ firstContactTargetMinutes: "5", timeZone: "UTC", attemptsBeforeDecision: "2", retentionDays: "30", "mon-open": "on", "mon-from": "08:00", "mon-to": "18:00" }),
    // The admin's attempt is invalid on purpose: the workspace's settings stay as they are.
    allowedArgs: adminForm({ firstContactTargetMinutes: "soon" }),
  }),
  [`${SETTINGS_ACTIONS}#saveStagesAction`]: guarded(`${SETTINGS_ACTIONS}#saveStagesAction`, {
    access: "admin",
    refusal: ADMIN_REFUSAL,
    args: adminForm({ "label-NEW": "Renamed by a refused caller", "order-NEW": "1" }),
    allowedArgs: adminForm({}),
  }),
  [`${SETTINGS_ACTIONS}#exitReasonAction`]: guarded(`${SETTINGS_ACTIONS}#exitReasonAction`, {
    access: "admin",
    refusal: ADMIN_REFUSAL,
    args: adminForm({ command: "add", stage: "NOT_A_FIT", label: "Added by a refused caller" }),
    allowedArgs: adminForm({ command: "no-such-command" }),
  }),
  [`${SETTINGS_ACTIONS}#referralSourceAction`]: guarded(`${SETTINGS_ACTIONS}#referralSourceAction`, {
    access: "admin",
    refusal: ADMIN_REFUSAL,
    args: adminForm({ command: "add", label: "Added by a refused caller" }),
    allowedArgs: adminForm({ command: "no-such-command" }),
  }),
  // Issue 12: insurance and verification for staff, payers for admins.
  [`${INQUIRY_ACTIONS}#saveCoverageAction`]: guarded(`${INQUIRY_ACTIONS}#saveCoverageAction`, {
    access: "staff",
    refusal: TRIAGE_REFUSAL,
    args: onRecord({ rank: "SECONDARY", kind: "PRIVATE", payerCode: "AETNA", memberId: "REFUSED1" }),
    // Invalid on purpose: past the access check, nothing stored.
    allowedArgs: onRecord({ rank: "SECONDARY", kind: "PRIVATE", memberId: "not<valid>" }),
    allowedResult: () => "Use only letters, digits, spaces and dashes in the member ID.",
  }),
  [`${INQUIRY_ACTIONS}#recordVerificationAction`]: guarded(`${INQUIRY_ACTIONS}#recordVerificationAction`, {
    access: "staff",
    refusal: TRIAGE_REFUSAL,
    args: onRecord({ status: "VERIFIED_ACTIVE", reference: "REFUSED" }),
    allowedArgs: onRecord({ status: "NOT_A_STATUS" }),
    allowedResult: () => "Choose a verification status.",
  }),
  ["app/staff/(signed-in)/admin/settings/payers/actions.ts#payerAction"]: guarded("app/staff/(signed-in)/admin/settings/payers/actions.ts#payerAction", {
    access: "admin",
    refusal: ADMIN_REFUSAL,
    args: adminForm({ command: "add", label: "Added by a refused caller" }),
    allowedArgs: adminForm({ command: "no-such-command" }),
  }),
  [`${SETTINGS_ACTIONS}#staffLanguagesAction`]: guarded(`${SETTINGS_ACTIONS}#staffLanguagesAction`, {
    access: "admin",
    refusal: ADMIN_REFUSAL,
    args: async () => adminForm({ userId: personas.coordinator.account?.id ?? "", languages: "es" })(),
    allowedArgs: adminForm({ userId: "not a user id!" }),
    allowedResult: () => "Unknown staff member.",
  }),
  [`${CLOSURE_ACTIONS}#closureDayAction`]: guarded(`${CLOSURE_ACTIONS}#closureDayAction`, {
    access: "admin",
    refusal: ADMIN_REFUSAL,
    args: adminForm({ command: "add", date: "2027-01-04", label: "Added by a refused caller" }),
    allowedArgs: adminForm({ command: "add", date: "not a date" }),
    allowedResult: () => "Enter the date as YYYY-MM-DD.",
  }),
  [`${CLOSURE_ACTIONS}#addHolidaysAction`]: guarded(`${CLOSURE_ACTIONS}#addHolidaysAction`, {
    access: "admin",
    refusal: ADMIN_REFUSAL,
    args: adminForm({ country: "US", state: "NY", dates: "2027-01-01" }),
    allowedArgs: adminForm({ country: "US", state: "NY", dates: "2027-01-05" }),
    allowedResult: () => "Those are not all public holidays of that country and region.",
  }),
  // Issue 12. The digest covers ClinicDetails.
  [`${CLINIC_ACTION}`]: guarded(CLINIC_ACTION, {
    access: "admin",
    refusal: ADMIN_REFUSAL,
    args: adminForm({ name: "Renamed by a refused caller", phone: "+1-555-0111", phoneDisplay: "(555) 555-0111", email: "refused@example.org", address: "1 Refused Road" }),
    // The admin's attempt is invalid on purpose: the clinic's details stay as they are.
    allowedArgs: adminForm({ phone: "call us" }),
    allowedResult: () => "in international format",
  }),
  [`${RETENTION_ACTIONS}#legalHoldAction`]: guarded(`${RETENTION_ACTIONS}#legalHoldAction`, {
    access: "admin",
    refusal: ADMIN_REFUSAL,
    args: async () => adminForm({ referenceCode: record.referenceCode, reason: "Authorisation matrix check", hold: "place" })(),
    allowedResult: () => `${record.referenceCode} is on legal hold.`,
  }),
  [`${RETENTION_ACTIONS}#deletionAction`]: guarded(`${RETENTION_ACTIONS}#deletionAction`, {
    access: "admin",
    refusal: ADMIN_REFUSAL,
    args: async () => adminForm({ referenceCode: record.referenceCode, reason: "Authorisation matrix check", confirm: "yes" })(),
    // Without the confirmation: past the access check, and nothing deleted.
    allowedArgs: async () => adminForm({ referenceCode: record.referenceCode, reason: "Authorisation matrix check" })(),
    allowedResult: () => "Tick the box to confirm that this cannot be undone.",
  }),

  // Issue 13. The digest covers WebhookEndpoint and the record's ConsentRecord rows.
  [`${WEBHOOK_ACTIONS}#createWebhookAction`]: guarded(`${WEBHOOK_ACTIONS}#createWebhookAction`, {
    access: "admin",
    refusal: ADMIN_REFUSAL,
    args: adminForm({ name: "Added by a refused caller", url: "https://receiver.example.org/hook", format: "STANDARD", events: "inquiry.received" }),
    // Invalid on purpose: past the access check, and no endpoint is added.
    allowedArgs: adminForm({ name: "", url: "https://receiver.example.org/hook", format: "STANDARD", events: "inquiry.received" }),
    allowedResult: () => "Give the endpoint a name.",
    refusedMustNotContain: () => ["whsec_"],
  }),
  [`${WEBHOOK_ACTIONS}#webhookCommandAction`]: guarded(`${WEBHOOK_ACTIONS}#webhookCommandAction`, {
    access: "admin",
    refusal: ADMIN_REFUSAL,
    args: adminForm({ endpointId: "00000000-0000-4000-8000-000000000000", command: "rotate" }),
    allowedResult: () => "That endpoint no longer exists.",
    refusedMustNotContain: () => ["whsec_"],
  }),
  [`${INQUIRY_ACTIONS}#recordEhrConsentAction`]: guarded(`${INQUIRY_ACTIONS}#recordEhrConsentAction`, {
    access: "staff",
    refusal: TRIAGE_REFUSAL,
    args: onRecord({ decision: "grant", recipient: "Recorded by a refused caller", includeReferrer: "on" }),
    // Without a recipient: past the access check, and no consent is recorded.
    allowedArgs: onRecord({ decision: "grant", recipient: "" }),
    allowedResult: () => "Name the treatment provider (and its record system).",
  }),

  // Issue 12: coordinators and admins enter inquiries. A refused caller's
  // complete, valid inquiry stores nothing; each allowed role gets past the
  // check with a form that lacks its channel (so nothing is stored either).
  "app/staff/(signed-in)/inquiries/new/actions.ts#enterInquiryAction": async () => {
    const action = actionNamed("app/staff/(signed-in)/inquiries/new/actions.ts#enterInquiryAction");
    const inquiryCount = () => firstRow(`SELECT count(*)::text AS value FROM "Inquiry"`);
    const phoneCall = (channel: string) => [
      json(null),
      form({ formNonce: randomUUID(), channel, requesterType: "SELF", firstName: "Refusedcaller", phone: "(212) 555-0187", preferredContactMethod: "PHONE", preferredLanguage: "en", consent: "on", consentTextVersion: CONSENT_TEXT_VERSION }),
    ];
    for (const persona of everyPersona()) {
      const before = await inquiryCount();
      if (mayUseAction("staff", persona.name)) {
        const response = await invoke(action, persona, phoneCall(""));
        expect.soft(response.body, `enterInquiryAction as ${persona.name}`).toContain("Choose how this inquiry arrived.");
      } else {
        const response = await invokeRefused(action, persona, phoneCall("PHONE"));
        expect.soft(response.body, `enterInquiryAction as ${persona.name}`).toContain(TRIAGE_REFUSAL);
        expect.soft(response.body.includes("Refusedcaller"), `enterInquiryAction as ${persona.name}: answers echoed`).toBe(false);
      }
      expect.soft(await inquiryCount(), `inquiries after enterInquiryAction as ${persona.name}`).toBe(before);
    }
  },

  "app/staff/(signed-in)/admin/users/actions.ts#inviteStaffAction": async () => {
    const action = inviteAction();
    const refusedEmails: string[] = [];
    for (const persona of refusedFirst("admin")) {
      // Asking for the most: an administrator's invitation.
      const email = `matrix-invitee-${persona.name.toLowerCase()}-${personas.tag}@clinic.example`;
      if (mayUseAction("admin", persona.name)) {
        const response = await invoke(action, persona, [json({}), form({ email, role: "admin" })]);
        expect.soft(response.body, "the admin's invitation").toContain(`Invitation sent to ${email}`);
        expect.soft((await invitationsTo(email)).map((row) => row.role), "invitation row").toEqual(["admin"]);
        await invitationLinkFor(email);
      } else {
        const response = await invokeRefused(action, persona, [json({}), form({ email, role: "admin" })]);
        expect.soft(response.body, `invite as ${persona.name}`).toContain("Only administrators can do that.");
        expect.soft(await invitationsTo(email), `invitation rows after invite as ${persona.name}`).toEqual([]);
        refusedEmails.push(email);
      }
    }
    // The mail would have gone out before the answer; a moment for the SMTP server to file it.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (const email of refusedEmails) expect.soft(await mailTo(email), `mail to ${email}`).toEqual([]);
  },

  "app/staff/(signed-in)/admin/users/actions.ts#staffUserAction": async () => {
    const action = actionNamed("app/staff/(signed-in)/admin/users/actions.ts#staffUserAction");
    const victim = await accountThroughActions("victim", "coordinator");
    const victimSessions = (await sessionsOf(victim.id)).length;
    const coordinatorId = personas.coordinator.account?.id ?? "";
    const factorsBefore = await factorsById();
    const victimState = async () => {
      const user = await staffUserByEmail(victim.email);
      return { role: user.role, banned: user.banned, sessions: (await sessionsOf(victim.id)).length };
    };
    const unchanged = { role: "coordinator", banned: false, sessions: victimSessions };

    for (const persona of refusedFirst("admin")) {
      if (mayUseAction("admin", persona.name)) continue;
      const commands: [string, string][] = [
        [victim.id, "disable"],
        [victim.id, "make-admin"],
        [coordinatorId, "reset-second-factor"],
      ];
      if (persona.account) commands.push([persona.account.id, "make-admin"]);
      for (const [userId, command] of commands) {
        const response = await invokeRefused(action, persona, [json({}), form({ userId, command })]);
        expect.soft(response.body, `${command} as ${persona.name}`).toContain("Only administrators can do that.");
      }
      expect.soft(await victimState(), `the victim after ${persona.name}'s attempts`).toEqual(unchanged);
      expect.soft((await factorsById()).get(coordinatorId), `the coordinator's second factor after ${persona.name}'s attempts`).toEqual(
        factorsBefore.get(coordinatorId),
      );
      if (persona.account) {
        expect.soft((await staffUserByEmail(persona.account.email)).role, `${persona.name}'s own role`).toBe(persona.account.role);
      }
    }

    // Positive control: the admin disables (ending the victim's sessions), enables, promotes and demotes.
    const admin = personas.admin;
    const run = async (command: string) => {
      const response = await invoke(action, admin, [json({}), form({ userId: victim.id, command })]);
      expect.soft(response.body, `${command} as admin`).toContain("Done.");
    };
    await run("disable");
    expect.soft(await victimState(), "after the admin disabled the victim").toEqual({ role: "coordinator", banned: true, sessions: 0 });
    await run("enable");
    await run("make-admin");
    expect.soft(await victimState(), "after the admin enabled and promoted the victim").toEqual({ role: "admin", banned: false, sessions: 0 });
    await run("make-coordinator");
  },

  "app/staff/(signed-in)/admin/users/actions.ts#revokeInvitationAction": async () => {
    const action = actionNamed("app/staff/(signed-in)/admin/users/actions.ts#revokeInvitationAction");
    const email = `matrix-pending-${personas.tag}-${Date.now().toString(36)}@clinic.example`;
    const invited = await invoke(inviteAction(), personas.admin, [json({}), form({ email, role: "coordinator" })]);
    expect(invited.body).toContain(`Invitation sent to ${email}`);
    const [pending] = await invitationsTo(email);
    if (!pending) throw new Error("the pending invitation was not saved");

    for (const persona of refusedFirst("admin")) {
      if (mayUseAction("admin", persona.name)) {
        const response = await invoke(action, persona, [json({}), form({ invitationId: pending.id })]);
        expect.soft(response.body, "revoke as admin").toContain("Invitation withdrawn.");
        expect.soft((await invitationById(pending.id))?.revokedAt, "revoked by the admin").toBeInstanceOf(Date);
      } else {
        const response = await invokeRefused(action, persona, [json({}), form({ invitationId: pending.id })]);
        expect.soft(response.body, `revoke as ${persona.name}`).toContain("Only administrators can do that.");
        expect.soft((await invitationById(pending.id))?.revokedAt ?? null, `invitation after revoke as ${persona.name}`).toBeNull();
      }
    }
  },

  "app/staff/(signed-in)/admin/notifications/actions.ts#retryNotificationAction": async () => {
    const action = actionNamed("app/staff/(signed-in)/admin/notifications/actions.ts#retryNotificationAction");
    const notificationId = await failedNotification();
    const retriedEvents = () => countOf(`SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'notification.retried'`);
    const eventsBefore = await retriedEvents();
    for (const persona of refusedFirst("admin")) {
      for (const target of [notificationId, "all"]) {
        const where = `retry ${target === "all" ? "all" : "one"} as ${persona.name}`;
        if (mayUseAction("admin", persona.name)) {
          if (target === "all") continue;
          const response = await invoke(action, persona, [json({}), form({ notificationId: target })]);
          expect.soft(response.body, where).toContain("1 queued to send again.");
          expect.soft(await notificationStatus(notificationId), `${where}: the notification`).not.toBe("FAILED");
        } else {
          const response = await invokeRefused(action, persona, [json({}), form({ notificationId: target })]);
          expect.soft(response.body, where).toContain("Only administrators can do that.");
          expect.soft(await notificationStatus(notificationId), `${where}: the notification`).toBe("FAILED");
          expect.soft(await retriedEvents(), `${where}: retry audit events`).toBe(eventsBefore);
        }
      }
    }
  },

  "app/staff/enrol/actions.ts#enrolAction": async () => {
    const action = actionNamed("app/staff/enrol/actions.ts#enrolAction");
    const before = await factorsById();
    let newSecret: string | null = null;
    for (const persona of refusedFirst("unenrolled")) {
      const where = `enrol as ${persona.name}`;
      const password = persona.account?.password ?? "nobody's password at all 1";
      const start = [json({ step: "password" }), form({ intent: "start", password })];
      if (mayUseAction("unenrolled", persona.name)) {
        const response = await invoke(action, persona, start);
        expect.soft(response.redirect, where).toBeNull();
        expect.soft(response.body, `${where}: the key and recovery codes`).toContain('"recoveryCodes"');
        newSecret = /"secret":"([A-Z2-7]+)"/.exec(response.body)?.[1] ?? null;
        expect.soft(newSecret, `${where}: a key`).not.toBeNull();
      } else {
        const response = await invokeRefused(action, persona, start);
        expect.soft(response.redirect, where).toBe(SIGNED_OUT.includes(persona.name) ? "/staff/sign-in" : "/staff");
        expect.soft(response.body.includes('"recoveryCodes"'), `${where}: recovery codes in the answer`).toBe(false);
      }
    }
    const afterStart = await factorsById();
    for (const persona of everyPersona()) {
      if (persona.account && persona.name !== "withoutMfa") {
        expect.soft(afterStart.get(persona.account.id), `${persona.name}'s second factor after the start step`).toEqual(before.get(persona.account.id));
      }
    }

    // Step two, with a code that works for the caller's real factor where it
    // has one: still nothing for anyone but the unenrolled account.
    const previous = json({ step: "code", qrDataUrl: "data:,", secret: "AAAAAAAAAAAAAAAA", recoveryCodes: [] });
    for (const persona of refusedFirst("unenrolled")) {
      const where = `enrol (confirm) as ${persona.name}`;
      const secret = persona.account?.secret;
      if (mayUseAction("unenrolled", persona.name)) {
        // A code that is wrong now and one step either side.
        const valid = new Set([-30_000, 0, 30_000].map((offset) => totpCode(newSecret ?? "AAAAAAAA", Date.now() + offset)));
        const wrong = ["000000", "111111", "222222", "333333"].find((code) => !valid.has(code)) ?? "444444";
        const response = await invoke(action, persona, [previous, form({ intent: "confirm", code: wrong })]);
        expect.soft(response.body, where).toContain("That code did not match");
      } else {
        const response = await invokeRefused(action, persona, [previous, form({ intent: "confirm", code: secret ? totpCode(secret) : "123456" })]);
        expect.soft(response.redirect, where).toBe(SIGNED_OUT.includes(persona.name) ? "/staff/sign-in" : "/staff");
      }
    }
    const unenrolled = personas.withoutMfa.account;
    if (unenrolled) expect.soft((await staffUserByEmail(unenrolled.email)).twoFactorEnabled, "the unenrolled account stays unenrolled").toBe(false);
    const afterConfirm = await factorsById();
    for (const persona of everyPersona()) {
      if (persona.account && persona.name !== "withoutMfa") {
        expect.soft(afterConfirm.get(persona.account.id), `${persona.name}'s second factor after the confirm step`).toEqual(before.get(persona.account.id));
      }
    }
  },

  "app/staff/invitation/actions.ts#acceptInvitationAction": async () => {
    const action = acceptAction();
    const users = await staffUserCount();
    const password = "a sentence nobody would guess 7";
    for (const persona of everyPersona()) {
      const response = await invokeRefused(
        action,
        persona,
        [json({}), form({ token: "A".repeat(43), name: "Mallory Intruder", password, confirmPassword: password })],
        { readsSession: false },
      );
      expect.soft(response.body, `a made-up invitation as ${persona.name}`).toContain("This invitation has expired");
    }
    expect.soft(await staffUserCount(), "accounts after made-up invitations").toBe(users);

    // Positive control, then the same link again: it works once.
    const email = `matrix-once-${personas.tag}-${Date.now().toString(36)}@clinic.example`;
    await invoke(inviteAction(), personas.admin, [json({}), form({ email, role: "coordinator" })]);
    const token = new URL((await invitationLinkFor(email)).link).hash.replace(/^#token=/, "");
    const accept = [json({}), form({ token, name: "Once Only", password, confirmPassword: password })];
    const first = await invoke(action, personas.anonymous, accept);
    expect.soft(first.redirect, "a real invitation").toBe("/staff/enrol");
    expect.soft(setsSession(first.setCookies), "a real invitation signs in").toBe(true);
    const again = await invokeRefused(action, personas.anonymous, accept, { readsSession: false });
    expect.soft(again.body, "the same invitation twice").toContain("This invitation has expired");
  },

  "app/staff/sign-in/actions.ts#signInAction": async () => {
    const action = actionNamed("app/staff/sign-in/actions.ts#signInAction");
    const noTwoFactorCookie = (response: ActionResponse, where: string) =>
      expect.soft(response.setCookies.some((line) => TWO_FACTOR_COOKIE.test(line) && !/max-age=0/i.test(line)), `${where}: a two-factor cookie`).toBe(false);
    for (const persona of everyPersona()) {
      const response = await invokeRefused(action, persona, [json({}), form({ email: "", password: "" })], { readsSession: false });
      expect.soft(response.body, `empty sign-in as ${persona.name}`).toContain("Enter your email address and password.");
      noTwoFactorCookie(response, `empty sign-in as ${persona.name}`);
    }
    const admin = personas.admin.account;
    const disabled = personas.disabled.account;
    const expired = personas.idleExpired.account;
    if (!admin || !disabled || !expired) throw new Error("personas without accounts");

    const wrong = await invokeRefused(action, personas.anonymous, [json({}), form({ email: admin.email, password: `${admin.password}!` })], {
      readsSession: false,
    });
    expect.soft(wrong.body, "wrong password").toContain("do not match an active account");
    noTwoFactorCookie(wrong, "wrong password");

    // A disabled account, even with its own right password, gets the same answer as a wrong one.
    const banned = await invokeRefused(action, personas.disabled, [json({}), form({ email: disabled.email, password: disabled.password })], {
      readsSession: false,
    });
    expect.soft(banned.body, "disabled account, right password").toContain("do not match an active account");
    noTwoFactorCookie(banned, "disabled account, right password");

    // Issue 14: an account without a second factor, with its right password: refused, no session, no code step.
    const unenrolled = personas.withoutMfa.account;
    if (unenrolled) {
      const passwordOnly = await invokeRefused(action, personas.anonymous, [json({}), form({ email: unenrolled.email, password: unenrolled.password })], {
        readsSession: false,
      });
      expect.soft(passwordOnly.body, "password only, no second factor").toContain("cannot sign in with a password alone");
      noTwoFactorCookie(passwordOnly, "password only, no second factor");
    }

    // Positive control: the right password leads to the code step (a two-factor cookie, no session yet).
    const right = await invoke(action, personas.anonymous, [json({}), form({ email: expired.email, password: expired.password })]);
    expect.soft(right.redirect, "right password").toBe("/staff/sign-in/verify");
    expect.soft(setsSession(right.setCookies), "right password alone: a session").toBe(false);
    expect.soft(right.setCookies.some((line) => TWO_FACTOR_COOKIE.test(line)), "right password: the two-factor cookie").toBe(true);
  },

  "app/staff/sign-in/actions.ts#verifySecondFactorAction": async () => {
    const action = actionNamed("app/staff/sign-in/actions.ts#verifySecondFactorAction");
    for (const persona of everyPersona()) {
      const response = await invokeRefused(action, persona, [json({}), form({ code: "x", kind: "totp" })], { readsSession: false });
      expect.soft(response.body, `malformed code as ${persona.name}`).toContain("Enter the 6-digit code");
    }
    // A well-formed code without step one: back to the start, nothing handed out.
    const response = await invokeRefused(action, personas.anonymous, [json({}), form({ code: "123456", kind: "totp" })], { readsSession: false });
    expect.soft(response.redirect, "a code without the password step").toBe("/staff/sign-in?expired=1");

    // Without a two-factor challenge cookie, a session cookie must not stand
    // in for step one (Better Auth would fall back to it, judged by its own
    // rules only: not banned, idle or past the 12-hour limit).
    for (const persona of [personas.disabled, personas.idleExpired, personas.absoluteExpired]) {
      const account = persona.account;
      if (!account?.secret) throw new Error(`${persona.name} has no enrolled factor`);
      const where = `a current code with only the session cookie, as ${persona.name}`;
      const before = await auditCount("staff.sign_in.succeeded", account.id);
      const answer = await invoke(action, persona, [json({}), form({ code: totpCode(account.secret), kind: "totp" })]);
      expect.soft(answer.redirect, where).not.toBe("/staff");
      expectNoForeignData(answer.body, persona, where);
      expect.soft(await auditCount("staff.sign_in.succeeded", account.id), `${where}: a successful sign-in on record`).toBe(before);
    }

    // Likewise an account signed in with its password that has started
    // enrolment must confirm it on /staff/enrol, not here.
    const probe = await accountThroughActions("verify-probe", "coordinator");
    const probePersona: Persona = { name: "withoutMfa", account: probe, cookie: probe.cookie, session: null };
    const started = await invoke(actionNamed("app/staff/enrol/actions.ts#enrolAction"), probePersona, [
      json({ step: "password" }),
      form({ intent: "start", password: probe.password }),
    ]);
    const probeSecret = /"secret":"([A-Z2-7]+)"/.exec(started.body)?.[1];
    if (!probeSecret) throw new Error("enrolment did not start");
    await invoke(action, probePersona, [json({}), form({ code: totpCode(probeSecret), kind: "totp" })]);
    if ((await staffUserByEmail(probe.email)).twoFactorEnabled) {
      expect.soft(await auditCount("staff.mfa.enrolled", probe.id), "a second factor switched on without its audit event").toBeGreaterThan(0);
    }
  },

  "app/staff/session/actions.ts#keepSessionAliveAction": async () => {
    const action = actionNamed("app/staff/session/actions.ts#keepSessionAliveAction");
    for (const persona of refusedFirst("staff")) {
      if (mayUseAction("staff", persona.name)) {
        const response = await invoke(action, persona, []);
        expect.soft(response.body, `keep alive as ${persona.name}`).toMatch(/"idleExpiresAt":"\d{4}-\d\d-\d\dT/);
      } else {
        const response = await invokeRefused(action, persona, []);
        expect.soft(response.body, `keep alive as ${persona.name}`).not.toMatch(/"idleExpiresAt":"\d{4}/);
      }
    }
  },

  "app/staff/session/actions.ts#sessionExpiryAction": async () => {
    const action = actionNamed("app/staff/session/actions.ts#sessionExpiryAction");
    for (const persona of everyPersona()) {
      if (ACTIVE.includes(persona.name)) {
        const response = await invoke(action, persona, []);
        expect.soft(response.body, `session expiry as ${persona.name}`).toMatch(/"idleExpiresAt":"\d{4}-\d\d-\d\dT/);
      } else {
        const response = await invokeRefused(action, persona, []);
        expect.soft(response.body, `session expiry as ${persona.name}`).toContain('"idleExpiresAt":null');
      }
    }
  },

  // Last: it ends the personas' sessions.
  "app/staff/session/actions.ts#signOutAction": async () => {
    const action = actionNamed("app/staff/session/actions.ts#signOutAction");
    const order: PersonaName[] = ["anonymous", "disabled", "idleExpired", "absoluteExpired", "withoutMfa", "coordinator", "admin"];
    for (const persona of order.map((name) => personas[name])) {
      const where = `sign out everywhere as ${persona.name}`;
      await preparePersona(persona);
      const others = await sessionIdsExcept(persona.account?.id ?? null);
      const response = await callServerAction({ actionId: action.id, pagePath: postPathOf(action), args: [form({ everywhere: "true" })], cookie: persona.cookie });
      expect.soft(response.redirect, where).toBe("/staff/sign-in?signedOut=1");
      expect.soft(await sessionIdsExcept(persona.account?.id ?? null), `${where}: other accounts' sessions`).toEqual(others);
      expectNoForeignData(response.body, persona, where);
      if (persona.account && !SIGNED_OUT.includes(persona.name)) {
        // Every persona's own session ends, including one signed in with its
        // password but not enrolled yet.
        expect.soft(await sessionsOf(persona.account.id), `${where}: own sessions after signing out`).toEqual([]);
      }
    }
  },
};

// One test per action in the table; a table entry without a check fails.
const ACTION_ORDER = Object.keys(SERVER_ACTIONS).sort((a, b) => Number(a.endsWith("#signOutAction")) - Number(b.endsWith("#signOutAction")));

function defineActionTests(): void {
  for (const name of ACTION_ORDER) {
    const access = SERVER_ACTIONS[name];
    test(`server action ${name} (${access})`, async () => {
      if (access === "public-intake") {
        test.info().annotations.push({ type: "covered elsewhere", description: "public inquiry form: submit-*.spec.ts" });
        expect(builtServerActions().some((action) => action.name === name), `${name} is in the build`).toBe(true);
        return;
      }
      const check = ACTION_CHECKS[name];
      expect(check, `a check for ${name}`).toBeDefined();
      if (check) await check();
    });
  }
}

// ─── Route handlers ──────────────────────────────────────────────────────────

async function countOf(sql: string): Promise<number> {
  return withStaffDb(async (client) => Number((await client.query<{ n: string }>(sql)).rows[0]?.n ?? -1));
}

function mayUseRoute(access: RouteRule["access"], persona: PersonaName): boolean {
  return access === "public" || (access === "staff" && ACTIVE.includes(persona)) || (access === "admin" && persona === "admin");
}

function defineRouteHandlerTests(): void {
  for (const [urlPath, rule] of Object.entries(ROUTE_HANDLERS)) {
    test(`route handler ${urlPath} (${rule.access})`, async () => {
      for (const persona of refusedFirst(rule.access === "public" ? "anyone" : rule.access)) {
        const where = `${rule.probe.method} ${urlPath} as ${persona.name}`;
        const allowed = mayUseRoute(rule.access, persona.name);
        await preparePersona(persona);
        const before = rule.unchanged ? await countOf(rule.unchanged.sql) : 0;
        const digest = allowed ? "" : await stateDigest(record.id);
        if (allowed && rule.beforeAllowed) await rule.beforeAllowed(persona);
        const headers: Record<string, string> = { Origin: new URL(e2eSettings().baseUrl).origin };
        if (rule.probe.contentType) headers["Content-Type"] = rule.probe.contentType;
        const url = `${urlPath}${rule.probe.query?.() ?? ""}`;
        const response = await fetchStaffPath(url, { cookie: persona.cookie, method: rule.probe.method, body: rule.probe.body, headers });
        if (allowed) {
          expect.soft(response.status, where).toBe(rule.probe.status);
          if (rule.probe.responseType) expect.soft(response.headers.get("content-type") ?? "", where).toContain(rule.probe.responseType);
          if (rule.probe.responseBody) expect.soft(response.body, where).toMatch(rule.probe.responseBody);
        } else {
          expect.soft(response.status, where).toBe(persona.name === "coordinator" ? 403 : 401);
          expectNoForeignData(response.body, persona, where);
          if (rule.probe.responseType) expect.soft(response.headers.get("content-type") ?? "", where).not.toContain(rule.probe.responseType);
          if (rule.probe.responseBody) expect.soft(response.body, where).not.toMatch(rule.probe.responseBody);
          expect.soft(await stateDigest(record.id), `${where}: the database changed`).toBe(digest);
        }
        if (rule.unchanged && (!allowed || rule.unchanged.for === "everyone")) {
          expect.soft(await countOf(rule.unchanged.sql), `${where}: ${rule.unchanged.sql}`).toBe(before);
        }
        expect.soft(setsSession(response.setCookies), `${where}: a session cookie`).toBe(false);
        if (!allowed && rule.access !== "public" && ENDED_ON_SIGHT.includes(persona.name) && persona.session) {
          expect.soft(await sessionExists(persona.session.id), `${where}: the session was ended`).toBe(false);
        }
      }
    });
  }
}

// ─── Run order ───────────────────────────────────────────────────────────────

test.describe("as each persona", () => {
  test.beforeAll(async ({ browser }) => {
    // Seven personas through the real pages: CLI runs, invitations, enrolments.
    test.setTimeout(300_000);
    personas = await matrixPersonas(browser);
    record = await submitTestInquiry();
  });
  definePageTests();
  defineRouteHandlerTests();
  // Last, ending with sign-out, which ends the personas' sessions.
  defineActionTests();
});
