import { randomBytes, randomInt } from "node:crypto";
import http from "node:http";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { e2eSettings } from "./support/settings";
import { builtServerActions } from "./support/staff/build-output";
import { createAdminWithCli } from "./support/staff/create-admin-with-cli";
import { postServerActionWithHeaders, submitInquiryAnswers, type SubmittedInquiry } from "./support/staff/hostile-requests";
import { invitationLinkFor, mailTo } from "./support/staff/invitation-mail";
import { watchForScripts, type ScriptWatch } from "./support/staff/script-watch";
import { callServerAction, form, json, type ActionArgument, type JsonValue } from "./support/staff/server-action";
import { staffUserByEmail, withStaffDb } from "./support/staff/staff-database";
import { cookieHeader, fetchStaffPath } from "./support/staff/staff-fetch";
import { acceptInvitation, enrol, inviteFromUsersPage, openSetUpLink, signInWithPassword, signInWithTotp, submitPassword } from "./support/staff/staff-flows";
import { failedNotification, stateDigest, submitTestInquiry } from "./support/staff/test-inquiry";
import { totpCode } from "@/__tests__/support/totp";
import { validInquiry } from "@/__tests__/support/valid-inquiry";
import { INQUIRY_ACTIONS, RETENTION_ACTIONS, SEARCH_ACTION, SETTINGS_ACTIONS, USER_ACTIONS } from "./support/staff/access/action-files";

// Issue 6, scenario 5 (hostile input), the staff area:
//
// 1. Stored XSS. Payloads go in through every way text reaches a staff page:
//    the public API (first name, message, referrer name and relationship, an
//    email address with quotes), a note and its correction typed into the
//    detail page, an invited colleague's name, the admin's own labels (stage,
//    exit reason, referral source), a hostile address (the audit
//    log's "Address") and an SMTP error (failed notifications). Every staff
//    page that shows them is opened in Chromium twice: as served (strict CSP)
//    and with the CSP bypassed, so the rendering alone must keep them text.
// 2. Cross-site requests. Server actions and the export, posted with an
//    admin's valid cookie from a foreign Origin (and from a real page on
//    another origin in Chromium) are refused and change nothing.
// 3. Open redirects. Redirect parameters on sign-in are ignored; every
//    Location the staff area sends stays on our origin.
// 4. SQL metacharacters in the inbox's filters, the posted search and every
//    other query parameter: 200 (or a clear refusal), never a 500, no rows
//    beyond a legitimate match, and the Inquiry table intact.

const tag = randomBytes(3).toString("hex");
/** Letters only: a first name with a digit is not searched as a name. */
const letterTag = Array.from({ length: 6 }, () => "bcdfghjkmnpqrstvwxz"[randomInt(19)]).join("");
const phone = () => `(212) 555-01${String(randomInt(100)).padStart(2, "0")}`;

const XSS = {
  img: "<img src=x onerror=window.__xss=1>",
  script: "<script>window.__xss=1</script>",
  svg: `"><svg onload=window.__xss=1>`,
  url: "javascript:window.__xss=1",
  alert: "'><img src=x onerror=alert(document.domain)>",
  frame: `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>`,
  breakout: "</textarea></title></script><script>window.__xss=1</script>",
  template: "{{constructor.constructor('window.__xss=1')()}}",
} as const;

/** What each way in carries (each within its field's limit). */
const stored = {
  firstName: `Ann${tag}${XSS.img}`,
  referrerName: `Rex${tag}${XSS.script}${XSS.svg}`,
  relationship: `${XSS.svg} ${tag}`,
  // An email address's local part may hold quotes, plus and hyphens; no markup.
  email: `o'hara+${tag}'--@example.org`,
  messageLines: [`Message ${tag}`, XSS.img, XSS.script, XSS.url, XSS.alert, XSS.frame, XSS.breakout, XSS.template],
  note: `Note ${tag} ${XSS.img} ${XSS.url}`,
  correctedNote: `Corrected ${tag} ${XSS.breakout} ${XSS.svg}`,
  pendingInvitation: `o'hara+${tag}'--@clinic.example`,
  // Starts with "=" and "+": a spreadsheet would run them as formulas.
  stageLabel: `Tried ${tag} ${XSS.img}`,
  exitReason: `=HYPERLINK("https://evil.example","${tag}")${XSS.svg}`,
  sourceLabel: `+${tag} ${XSS.script}`,
  forwardedFor: `${tag}${XSS.img}`,
  lastError: `550 ${tag} ${XSS.img} ${XSS.script}`,
  holdReason: `Court order ${tag} ${XSS.script}`,
};

/** The SQL-shaped record: found by its first name, and nothing else is. */
const bobby = {
  firstName: `Robert${letterTag}'); DROP TABLE "Inquiry";--`,
  messageLines: [`"; DROP TABLE "Inquiry"; -- ${tag}`, "' OR 1=1 --", "%_\\ ' OR ''='"],
};

const admin = { email: `hostile-admin-${tag}@clinic.example`, name: `Hostile Admin ${tag}`, password: `the ${tag} gull steals chips at noon`, secret: "" };
// Starts with "@": a formula in a spreadsheet's "Assigned to" column.
const invitee = {
  email: `hostile-invitee-${tag}@clinic.example`,
  name: `@Mallory ${tag} ${XSS.svg}${XSS.alert}`,
  password: `a ${tag} fox naps under the pier`,
  secret: "",
  id: "",
};

const ACTIONS = {
  assign: `${INQUIRY_ACTIONS}#assignAction`,
  logAttempt: `${INQUIRY_ACTIONS}#logAttemptAction`,
  close: `${INQUIRY_ACTIONS}#closeInquiryAction`,
  addNote: `${INQUIRY_ACTIONS}#addNoteAction`,
  changeStage: `${INQUIRY_ACTIONS}#changeStageAction`,
  stages: `${SETTINGS_ACTIONS}#saveStagesAction`,
  exitReason: `${SETTINGS_ACTIONS}#exitReasonAction`,
  source: `${SETTINGS_ACTIONS}#referralSourceAction`,
  legalHold: `${RETENTION_ACTIONS}#legalHoldAction`,
  invite: `${USER_ACTIONS}#inviteStaffAction`,
  staffUser: `${USER_ACTIONS}#staffUserAction`,
  search: SEARCH_ACTION,
} as const;

const softly = expect.configure({ soft: true });

let baseURL: string;
let adminContext: BrowserContext;
let adminPage: Page;
let adminCookie: string;
let adminWatch: ScriptWatch;
let recordA: SubmittedInquiry;
let recordB: SubmittedInquiry;
let exitReasonId: string;
let originalStages: { stage: string; label: string }[] = [];
let originalSourceLabel: string | undefined;

// ─── Helpers ─────────────────────────────────────────────────────────────────

function builtAction(name: string): { id: string; pagePath: string } {
  const action = builtServerActions().find((candidate) => candidate.name === name);
  if (!action) throw new Error(`${name} is not in the build`);
  const [pagePath] = [...action.pagePaths].sort((a, b) => a.length - b.length);
  if (!pagePath) throw new Error(`${name}: no page in the build holds it`);
  return { id: action.id, pagePath };
}

/** The admin, over HTTP with the browser's cookie; returns the action's answer. */
async function asAdmin(name: string, args: ActionArgument[], pagePath?: string, cookie: string = adminCookie): Promise<string> {
  const action = builtAction(name);
  const response = await callServerAction({ actionId: action.id, pagePath: pagePath ?? action.pagePath, args, cookie });
  expect(response.headers.get("x-nextjs-action-not-found"), `${name} found`).toBeNull();
  expect(response.status, `${name}: ${response.body.slice(0, 300)}`).toBe(200);
  return response.body;
}

/** "Confirm it's you" on the admin's session: exports need it (issue 14), for 5 minutes. */
async function confirmAdmin(): Promise<void> {
  const action = builtAction("app/staff/(signed-in)/confirm/actions.ts#confirmIdentityAction");
  const response = await callServerAction({
    actionId: action.id,
    pagePath: action.pagePath,
    args: [json({}), form({ secret: admin.password, next: "/staff/admin/export" })],
    cookie: adminCookie,
  });
  expect(response.redirect, "confirm it's you").toBe("/staff/admin/export");
}

const onRecord = (record: SubmittedInquiry, fields: Record<string, string>): ActionArgument[] => [json(null), form({ inquiryId: record.id, ...fields })];

async function saveStageLabels(stages: { stage: string; label: string }[]): Promise<void> {
  const fields = Object.fromEntries(stages.flatMap((stage, index) => [[`label-${stage.stage}`, stage.label], [`order-${stage.stage}`, String(index + 1)]]));
  expect(await asAdmin(ACTIONS.stages, [json({}), form(fields)])).toContain("Stages saved.");
}

async function count(sql: string, params: string[] = []): Promise<number> {
  return withStaffDb(async (client) => Number((await client.query<{ n: string }>(sql, params)).rows[0]?.n ?? -1));
}

/** Passes if the text is on screen, or is what a visible form field holds. */
async function expectShown(page: Page, text: string, where: string): Promise<void> {
  await softly
    .poll(
      async () =>
        (await page.getByText(text).filter({ visible: true }).count()) > 0 ||
        (await page.locator("input, textarea").evaluateAll((fields, value) => fields.some((field) => (field as HTMLInputElement).value === value), text)),
      { message: `${where}: "${text}" shown as text`, timeout: 5000 },
    )
    .toBe(true);
}

async function expectOption(page: Page, text: string, where: string): Promise<void> {
  expect.soft(await page.locator("option").filter({ hasText: text }).count(), `${where}: an option reading "${text}"`).toBeGreaterThan(0);
}

async function watchedContext(browser: Browser, options: { bypassCSP?: boolean; signedIn: boolean }): Promise<{ context: BrowserContext; page: Page; watch: ScriptWatch }> {
  const context = await browser.newContext({
    baseURL,
    bypassCSP: options.bypassCSP ?? false,
    ...(options.signedIn ? { storageState: await adminContext.storageState() } : {}),
  });
  const watch = await watchForScripts(context);
  return { context, page: await context.newPage(), watch };
}

// ─── 1. Stored XSS ───────────────────────────────────────────────────────────

type PageCheck = {
  path: () => string;
  /** Stored text that must be on screen (or in a visible field) as text. */
  shows?: () => string[];
  /** Stored text that must be an option of a select. */
  options?: () => string[];
  /** Before looking: opens what hides text (a <details>). */
  prepare?: (page: Page) => Promise<void>;
};

const STAFF_PAGES: PageCheck[] = [
  { path: () => "/staff" },
  { path: () => "/staff/inquiries", shows: () => [invitee.name, stored.stageLabel], options: () => [invitee.name, stored.stageLabel, stored.sourceLabel] },
  { path: () => "/staff/inquiries?stage=all", shows: () => [invitee.name, stored.stageLabel] },
  { path: () => "/staff/inquiries/due", shows: () => [invitee.name, stored.stageLabel] },
  {
    path: () => `/staff/inquiries/${recordA.id}`,
    prepare: async (page) => {
      await page.getByText("Earlier versions (1)").click();
    },
    shows: () => [
      stored.firstName,
      stored.email,
      ...stored.messageLines,
      stored.referrerName,
      stored.relationship,
      stored.sourceLabel,
      stored.note,
      stored.correctedNote,
      `Assigned to ${invitee.name}`,
      stored.stageLabel,
    ],
    options: () => [invitee.name],
  },
  { path: () => `/staff/inquiries/${recordB.id}`, shows: () => [bobby.firstName, ...bobby.messageLines, stored.exitReason] },
  { path: () => "/staff/admin/users", shows: () => [invitee.name, stored.pendingInvitation] },
  { path: () => "/staff/admin/audit", options: () => [invitee.name] },
  { path: () => `/staff/admin/audit?actor=${invitee.id}`, shows: () => [invitee.name] },
  { path: () => "/staff/admin/audit?action=staff.sign_in.failed", shows: () => [stored.forwardedFor] },
  { path: () => "/staff/reports", shows: () => [stored.stageLabel, stored.sourceLabel] },
  { path: () => "/staff/admin/export", options: () => [invitee.name, stored.stageLabel, stored.sourceLabel] },
  { path: () => "/staff/admin/retention", shows: () => [recordA.referenceCode, stored.stageLabel] },
  { path: () => "/staff/admin/notifications", shows: () => [stored.lastError] },
  { path: () => "/staff/admin/settings", shows: () => [stored.stageLabel, stored.exitReason, stored.sourceLabel] },
  { path: () => "/staff/account" },
];

async function visitEveryStaffPage(page: Page, watch: ScriptWatch, label: string): Promise<void> {
  for (const check of STAFF_PAGES) {
    const path = check.path();
    const where = `${path} (${label})`;
    const response = await page.goto(path);
    expect.soft(response?.status(), `${where}: status`).toBe(200);
    await check.prepare?.(page);
    for (const text of check.shows?.() ?? []) await expectShown(page, text, where);
    for (const text of check.options?.() ?? []) await expectOption(page, text, where);
    await watch.expectInert(page, where);
  }
}

/**
 * The watch's own control: markup injected on purpose must be caught, or its
 * "nothing found" above would prove nothing. With the CSP the handlers are
 * blocked (violations) but the markup and its request are seen; without it they run.
 */
async function expectWatchCatchesInjectedMarkup(page: Page, watch: ScriptWatch, csp: boolean): Promise<void> {
  await page.evaluate((markup) => document.body.insertAdjacentHTML("beforeend", markup), `${XSS.img}<img src=x onerror=alert(1)>`);
  // Until an image has failed and its handler ran (or was blocked).
  await page.waitForFunction((blocked) => {
    const probe = window as unknown as { __xss?: unknown; __cspViolations?: unknown[] };
    return blocked ? (probe.__cspViolations?.length ?? 0) > 0 : probe.__xss !== undefined;
  }, csp);
  await page.waitForTimeout(200);
  const findings = await watch.inspect(page);
  const where = `control, markup injected on purpose (${csp ? "CSP as served" : "CSP bypassed"})`;
  expect(findings.injected.length, `${where}: seen in the DOM`).toBeGreaterThan(0);
  expect(findings.payloadRequests.length, `${where}: the image's request seen`).toBeGreaterThan(0);
  if (csp) {
    expect(findings.violations.length, `${where}: CSP violations seen`).toBeGreaterThan(0);
    expect(findings.xss, `${where}: the CSP stopped the handler`).toBe("undefined");
  } else {
    expect(findings.xss, `${where}: the handler ran`).toBe("1");
    expect(findings.dialogs.length, `${where}: the alert seen`).toBeGreaterThan(0);
  }
}

/** RFC 4180 fields of a CSV body. */
function parseCsv(body: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index];
    if (quoted) {
      if (char === '"' && body[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n") {
      row.push(field.replace(/\r$/, ""));
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

// ─── 2. Cross-site requests ──────────────────────────────────────────────────

const SUCCESS_TEXTS = ["Note added.", "Stage changed.", "Assigned", "is on legal hold", "Invitation sent", "Done.", '"ok":true'];

type HeaderVariant = { name: string; headers: Record<string, string | null> };

function foreignOriginVariants(): HeaderVariant[] {
  const ours = new URL(baseURL);
  return [
    { name: "a foreign Origin", headers: { Origin: "https://evil.example", Referer: "https://evil.example/page", "Sec-Fetch-Site": "cross-site" } },
    { name: "Origin null (a sandboxed frame)", headers: { Origin: "null", Referer: null, "Sec-Fetch-Site": "cross-site" } },
    { name: "a look-alike Origin", headers: { Origin: `http://${ours.hostname}.evil.example:${ours.port}`, "Sec-Fetch-Site": "cross-site" } },
    { name: "another port on our host (same site)", headers: { Origin: `http://${ours.hostname}:${Number(ours.port) + 1}`, "Sec-Fetch-Site": "same-site" } },
    { name: "localhost for 127.0.0.1", headers: { Origin: `http://localhost:${ours.port}`, "Sec-Fetch-Site": "cross-site" } },
  ];
}

/** What a browser that strips Origin (some privacy extensions do) would send from another site, or from a sibling on ours. */
const NO_ORIGIN_VARIANTS: HeaderVariant[] = [
  { name: "no Origin, Sec-Fetch-Site cross-site", headers: { Origin: null, Referer: null, "Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "document" } },
  { name: "no Origin, Sec-Fetch-Site same-site", headers: { Origin: null, Referer: null, "Sec-Fetch-Site": "same-site", "Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "document" } },
];

type ActionAttempt = { name: string; pagePath: string; previous: JsonValue; fields: Record<string, string> };

/** Who posts (the admin's cookie) and whose account a forged role change targets. */
type Caller = { cookie: string; victim: { id: string; email: string; role: string; command: string } };

/** Staff and admin commands against `target`, each one a change if it ran. */
function crossSiteAttempts(target: SubmittedInquiry, inviteEmail: string, victim: Caller["victim"]): ActionAttempt[] {
  const detail = `/staff/inquiries/${target.id}`;
  return [
    { name: ACTIONS.addNote, pagePath: detail, previous: null, fields: { inquiryId: target.id, body: `Cross-site note ${tag}` } },
    { name: ACTIONS.changeStage, pagePath: detail, previous: null, fields: { inquiryId: target.id, to: "REACHED" } },
    { name: ACTIONS.logAttempt, pagePath: detail, previous: null, fields: { inquiryId: target.id, attempt: "CALL:NO_ANSWER" } },
    { name: ACTIONS.assign, pagePath: detail, previous: null, fields: { inquiryId: target.id, assigneeId: "me" } },
    { name: ACTIONS.legalHold, pagePath: "/staff/admin/retention", previous: {}, fields: { referenceCode: target.referenceCode, reason: "Cross-site legal hold", hold: "place" } },
    { name: ACTIONS.invite, pagePath: "/staff/admin/users", previous: {}, fields: { email: inviteEmail, role: "admin" } },
    { name: ACTIONS.staffUser, pagePath: "/staff/admin/users", previous: {}, fields: { userId: victim.id, command: victim.command } },
  ];
}

/** Posts every attempt with the admin's valid cookie and the variant's headers; soft-asserts each was refused and changed nothing. */
async function expectRefusedWithHeaders(target: SubmittedInquiry, variants: HeaderVariant[], label: string, caller: Caller): Promise<void> {
  for (const [index, variant] of variants.entries()) {
    const inviteEmail = `cross-site-${label}-${index}-${tag}@clinic.example`;
    for (const attempt of crossSiteAttempts(target, inviteEmail, caller.victim)) {
      const where = `${attempt.name.split("#")[1]} with ${variant.name}`;
      const before = await stateDigest(target.id);
      const response = await postServerActionWithHeaders({
        actionId: builtAction(attempt.name).id,
        pagePath: attempt.pagePath,
        previous: attempt.previous,
        fields: attempt.fields,
        cookie: caller.cookie,
        headers: variant.headers,
      });
      expect.soft(await stateDigest(target.id), `${where}: the database changed`).toBe(before);
      expect.soft(SUCCESS_TEXTS.filter((text) => response.body.includes(text)), `${where}: answered as done (status ${response.status})`).toEqual([]);
    }
    expect.soft(await count(`SELECT count(*) AS n FROM "StaffInvitation" WHERE email = $1`, [inviteEmail]), `invitation with ${variant.name}`).toBe(0);
    expect.soft(await mailTo(inviteEmail), `mail with ${variant.name}`).toEqual([]);
  }
  expect.soft((await staffUserByEmail(caller.victim.email)).role, "the role a forged request tried to change").toBe(caller.victim.role);
}

// ─── 3. Open redirects ───────────────────────────────────────────────────────

const REDIRECT_PARAMETERS = [
  "next=//evil.example",
  "callbackURL=https://evil.example/callback",
  "redirect=https://evil.example",
  "redirectTo=%2F%2Fevil.example",
  "returnTo=/%5Cevil.example",
  "returnUrl=http:evil.example",
  "continue=javascript:alert(1)",
  "url=https://evil.example",
].join("&");

/** GET with the path sent byte for byte (fetch would normalise "\\" to "/"). */
function rawGet(path: string, cookie?: string): Promise<{ status: number; location: string | null }> {
  const ours = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: ours.hostname, port: ours.port, path, method: "GET", headers: cookie ? { Cookie: cookie } : {} }, (response) => {
      response.resume();
      const location = response.headers.location;
      response.on("end", () => resolve({ status: response.statusCode ?? 0, location: location ?? null }));
    });
    request.on("error", reject);
    request.end();
  });
}

// ─── 4. SQL metacharacters ───────────────────────────────────────────────────

const LONG = "A".repeat(6000);
const METACHARACTERS = [
  "' OR 1=1 --",
  "' OR '1'='1",
  "%",
  "_",
  "%_%",
  "\\",
  "\\'",
  `"; DROP TABLE "Inquiry"; --`,
  "'; DELETE FROM \"Inquiry\" WHERE ''='",
  "'; SELECT pg_sleep(10); --",
  "1 UNION SELECT \"firstNameEnc\" FROM \"Inquiry\"--",
  "$1",
  "NULL",
  "__proto__",
  "constructor",
  "toString",
  "Zoë ß 𝔄𝔫𝔫 مرحبا 😀 ＯＲ １＝１",
  "\u0000",
  "\uFEFF\u200B",
  "--",
];

/** Query parameters each page reads, from the source (validations and pages). */
const QUERY_PAGES: { path: string; params: string[] }[] = [
  { path: "/staff/inquiries", params: ["stage", "urgency", "assignee", "language", "source", "from", "to", "after", "q"] },
  { path: "/staff/inquiries/due", params: ["mine"] },
  { path: "/staff/admin/audit", params: ["actor", "action", "record", "from", "to", "before"] },
  { path: "/staff/reports", params: ["from", "to"] },
  { path: "/staff/admin/export", params: ["stage", "urgency", "assignee", "language", "source", "from", "to", "error"] },
  { path: "/staff/admin/retention", params: ["ref"] },
  { path: "/api/staff/inbox/updates", params: ["since", "stage", "urgency", "assignee", "language", "source", "from", "to"] },
];

/** Requests that answered 500 when this spec was written, each with its own regression test at the end of the file. */
const FOUND_500 = {
  exportError: ["__proto__", "constructor", "toString", "valueOf", "hasOwnProperty"],
  auditActor: ["\u0000", "a\u0000b"],
};

const referenceCodesIn = (body: string): string[] => [...new Set([...body.matchAll(/"referenceCode":"([A-Z0-9]{4}-[A-Z0-9]{4})"/g)].map((match) => match[1] ?? ""))].sort();
const inboxCodesIn = (body: string): string[] => [...new Set([...body.matchAll(/class="reference-link"[^>]*>([A-Z0-9]{4}-[A-Z0-9]{4})</g)].map((match) => match[1] ?? ""))].sort();
const NEXT_ERROR = /Application error|Internal Server Error|This page couldn’t load|missing required error components/i;

// ─── The tests, in order ─────────────────────────────────────────────────────

test.describe("hostile input in the staff area", () => {
  // One admin, one set of stored payloads, shared in order.
  test.describe.configure({ mode: "serial" });

  // Setup: the payloads stored through every way in.
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(300_000);
    baseURL = e2eSettings().baseUrl;

    const adminCli = await createAdminWithCli(admin);
    adminContext = await browser.newContext({ baseURL });
    adminWatch = await watchForScripts(adminContext);
    adminPage = await adminContext.newPage();
    await openSetUpLink(adminPage, { text: adminCli.output, password: admin.password });
    admin.secret = (await enrol(adminPage, admin.password)).secret;
    adminCookie = cookieHeader(await adminContext.cookies());

    // A colleague whose name is a payload: invited, account made from the emailed link, enrolled.
    await inviteFromUsersPage(adminPage, { email: invitee.email, role: "coordinator" });
    const { link } = await invitationLinkFor(invitee.email);
    const inviteeContext = await browser.newContext({ baseURL });
    const inviteePage = await inviteeContext.newPage();
    await acceptInvitation(inviteePage, { link, name: invitee.name, password: invitee.password });
    invitee.secret = (await enrol(inviteePage, invitee.password)).secret;
    await inviteeContext.close();
    invitee.id = (await staffUserByEmail(invitee.email)).id;
    // And an invitation still pending, to an address with quotes in it.
    await inviteFromUsersPage(adminPage, { email: stored.pendingInvitation, role: "coordinator" });

    // The public API, every free-text field.
    recordA = await submitInquiryAnswers(
      validInquiry({
        firstName: stored.firstName,
        referrerName: stored.referrerName,
        referrerRelationship: stored.relationship,
        email: stored.email,
        phone: phone(),
        preferredContactMethod: "EMAIL",
        message: stored.messageLines.join("\n"),
        heardAbout: "OTHER",
      }),
    );
    recordB = await submitInquiryAnswers(
      validInquiry({
        requesterType: "SELF",
        firstName: bobby.firstName,
        referrerName: undefined,
        referrerRelationship: undefined,
        personAware: undefined,
        email: undefined,
        phone: phone(),
        message: bobby.messageLines.join("\n"),
        heardAbout: undefined,
      }),
    );

    // The admin's own labels (restored after the spec).
    originalStages = (
      await withStaffDb((client) => client.query<{ stage: string; label: string }>(`SELECT stage::text AS stage, label FROM "PipelineStage" ORDER BY position, stage`))
    ).rows;
    await saveStageLabels(originalStages.map((stage) => (stage.stage === "CONTACT_ATTEMPTED" ? { ...stage, label: stored.stageLabel } : stage)));
    originalSourceLabel = (
      await withStaffDb((client) => client.query<{ label: string }>(`SELECT label FROM "ReferralSource" WHERE code = 'OTHER'`))
    ).rows[0]?.label;
    expect(await asAdmin(ACTIONS.source, [json({}), form({ command: "rename", code: "OTHER", label: stored.sourceLabel })])).toContain("Saved.");
    expect(await asAdmin(ACTIONS.exitReason, [json({}), form({ command: "add", stage: "NOT_A_FIT", label: stored.exitReason })])).toContain("Saved.");
    const reasonId = (await withStaffDb((client) => client.query<{ id: string }>(`SELECT id::text AS id FROM "ExitReason" WHERE label = $1`, [stored.exitReason]))).rows[0]?.id;
    if (!reasonId) throw new Error("the exit reason was not saved");
    exitReasonId = reasonId;

    // Triage: A assigned to the colleague (timeline, inbox), an attempt (stage
    // "Contact attempted", relabelled), a legal hold (retention), due now (call-backs).
    expect(await asAdmin(ACTIONS.assign, onRecord(recordA, { assigneeId: invitee.id }), `/staff/inquiries/${recordA.id}`)).toContain("Assigned.");
    expect(await asAdmin(ACTIONS.logAttempt, onRecord(recordA, { attempt: "CALL:NO_ANSWER" }), `/staff/inquiries/${recordA.id}`)).toContain('"ok":true');
    expect(await asAdmin(ACTIONS.legalHold, [json({}), form({ referenceCode: recordA.referenceCode, reason: stored.holdReason, hold: "place" })])).toContain(
      "is on legal hold.",
    );
    // What a call-back scheduled earlier today leaves behind.
    await withStaffDb((client) => client.query(`UPDATE "Inquiry" SET "nextFollowUpAt" = now() - interval '5 minutes' WHERE id = $1`, [recordA.id]));
    // B closed with the relabelled exit reason (its timeline names the reason).
    expect(await asAdmin(ACTIONS.close, onRecord(recordB, { exit: `NOT_A_FIT:${exitReasonId}` }), `/staff/inquiries/${recordB.id}`)).toContain("Inquiry closed.");

    // A failed staff notification whose SMTP error carries a payload (what the worker stores).
    const notificationId = await failedNotification();
    await withStaffDb((client) => client.query(`UPDATE "Notification" SET "lastError" = $2 WHERE id = $1`, [notificationId, stored.lastError]));

    // A failed sign-in from a spoofed address. With no trusted proxy the
    // production server drops the client's X-Forwarded-For (issue 10), so the
    // payload is not what gets recorded; the audit log page must still render
    // a hostile address inertly should one ever be stored, so the row is then
    // written directly, as the app would have written it.
    const spoofed = await browser.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-For": stored.forwardedFor } });
    const spoofedPage = await spoofed.newPage();
    await signInWithPassword(spoofedPage, { email: admin.email, password: `${admin.password} and then some` });
    await expect(spoofedPage.locator("form").getByRole("alert")).toContainText("do not match an active account");
    await spoofed.close();
    expect(await count(`SELECT count(*) AS n FROM "AuditEvent" WHERE "ipAddress" = $1`, [stored.forwardedFor]), "a client cannot choose its recorded address").toBe(0);
    await withStaffDb((client) =>
      client.query(
        `INSERT INTO "AuditEvent" ("actorType", "action", "ipAddress", "userAgent", "metadata") VALUES ('SYSTEM', 'staff.sign_in.failed', $1, 'e2e', '{"step":"password","status":401}')`,
        [stored.forwardedFor],
      ),
    );
    expect(await count(`SELECT count(*) AS n FROM "AuditEvent" WHERE "ipAddress" = $1`, [stored.forwardedFor]), "the spoofed address in the audit log").toBeGreaterThan(0);

    // A note and its correction, typed into the detail page like a coordinator would.
    await adminPage.goto(`/staff/inquiries/${recordA.id}`);
    await adminPage.getByLabel("New note").fill(stored.note);
    await adminPage.getByRole("button", { name: "Add note" }).click();
    await expect(adminPage.getByText("Note added.")).toBeVisible();
    await adminPage.getByText(/^Edit \(until/).click();
    await adminPage.getByLabel("Corrected note").fill(stored.correctedNote);
    await adminPage.getByRole("button", { name: "Save correction" }).click();
    await expect(adminPage.getByText("Earlier versions (1)")).toBeVisible();
  });

  test.afterAll(async () => {
    // Put the shared labels back for the specs that run after this one.
    if (adminCookie) {
      if (originalStages.length > 0) await saveStageLabels(originalStages);
      if (originalSourceLabel) await asAdmin(ACTIONS.source, [json({}), form({ command: "rename", code: "OTHER", label: originalSourceLabel })]);
      if (exitReasonId) await asAdmin(ACTIONS.exitReason, [json({}), form({ command: "deactivate", id: exitReasonId })]);
    }
    await adminContext?.close();
  });

  test("stored XSS payloads render as inert text on every staff page, with the CSP and without it", async ({ browser }) => {
    test.setTimeout(240_000);
    // The admin's own page, right after typing the note (the client render of the action's answer).
    await adminWatch.expectInert(adminPage, "the detail page after adding and correcting a note");

    const served = await watchedContext(browser, { signedIn: true });
    await visitEveryStaffPage(served.page, served.watch, "CSP as served");

    // The inbox search renders its results in the browser from the action's answer.
    await served.page.goto("/staff/inquiries");
    const searchBox = served.page.getByLabel("Reference code, phone number, email address or first name");
    await searchBox.fill(stored.email);
    await served.page.getByRole("button", { name: "Search" }).click();
    const results = served.page.getByRole("table", { name: /Search results/ });
    await expect(results.getByRole("link", { name: recordA.referenceCode })).toBeVisible();
    await expectShown(served.page, invitee.name, "inbox search results");
    await served.watch.expectInert(served.page, "inbox search results");
    // A payload as the search term: refused with a message, kept in the box as text.
    for (const term of [XSS.svg, XSS.img]) {
      await searchBox.fill(term);
      await served.page.getByRole("button", { name: "Search" }).click();
      await expect(served.page.getByText("Type a reference code, phone number, email address or first name.").first()).toBeVisible();
      await expect(searchBox).toHaveValue(term);
      await served.watch.expectInert(served.page, `inbox search for ${term}`);
    }
    await expectWatchCatchesInjectedMarkup(served.page, served.watch, true);
    await served.context.close();

    // The same pages with the CSP switched off: the markup alone must keep every payload text.
    const bare = await watchedContext(browser, { signedIn: true, bypassCSP: true });
    await visitEveryStaffPage(bare.page, bare.watch, "CSP bypassed");
    await expectWatchCatchesInjectedMarkup(bare.page, bare.watch, false);
    await bare.context.close();

    // The colleague's own view: their name in the greeting.
    const colleague = await watchedContext(browser, { signedIn: false });
    await signInWithTotp(colleague.page, invitee);
    await expect(colleague.page.getByRole("heading", { level: 1, name: `Hello, ${invitee.name}` })).toBeVisible();
    await colleague.watch.expectInert(colleague.page, "/staff as the colleague whose name is a payload");
    await colleague.context.close();
  });

  test("the CSV export carries stored labels and names as text a spreadsheet will not run", async () => {
    await confirmAdmin();
    const response = await fetchStaffPath("/api/staff/exports", {
      cookie: adminCookie,
      method: "POST",
      headers: { Origin: new URL(baseURL).origin, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams([
        ["reason", `Hostile input check ${tag}`],
        ["stage", "all"],
        ["columns", "referenceCode"],
        ["columns", "stage"],
        ["columns", "exitReason"],
        ["columns", "referralSource"],
        ["columns", "assignee"],
      ]).toString(),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type") ?? "").toContain("text/csv");
    const rows = parseCsv(response.body);
    const cells = rows.flat();
    expect.soft(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell)), "cells a spreadsheet would run as a formula").toEqual([]);
    const rowOf = (record: SubmittedInquiry) => rows.find((row) => row[0] === record.referenceCode) ?? [];
    expect.soft(rowOf(recordA), "A: stage, source and assignee, neutralised").toEqual(
      expect.arrayContaining([stored.stageLabel, `'${stored.sourceLabel}`, `'${invitee.name}`]),
    );
    expect.soft(rowOf(recordB), "B: the exit reason, neutralised").toEqual(expect.arrayContaining([`'${stored.exitReason}`]));
  });

  test("server actions and the export refuse a foreign Origin even with a valid admin cookie, and nothing changes", async () => {
    test.setTimeout(180_000);
    const ours = new URL(baseURL);
    const target = await submitTestInquiry();
    await expectRefusedWithHeaders(target, foreignOriginVariants(), "foreign", {
      cookie: adminCookie,
      victim: { id: invitee.id, email: invitee.email, role: "coordinator", command: "make-admin" },
    });

    // The export: refused for each variant (it also refuses a POST without Origin), and no export on record.
    const exports = () => count(`SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'inquiry.exported'`);
    const exportBody = "reason=Cross-site+export+attempt&columns=referenceCode";
    for (const variant of [...foreignOriginVariants(), ...NO_ORIGIN_VARIANTS]) {
      const before = await exports();
      const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
      for (const [name, value] of Object.entries(variant.headers)) if (value !== null) headers[name] = value;
      const response = await fetchStaffPath("/api/staff/exports", { cookie: adminCookie, method: "POST", headers, body: exportBody });
      expect.soft(response.status, `export with ${variant.name}`).toBe(403);
      expect.soft(response.headers.get("content-type") ?? "", `export with ${variant.name}`).not.toContain("text/csv");
      expect.soft(await exports(), `export audit entries after ${variant.name}`).toBe(before);
    }

    // Controls: the same requests from our own origin do what they say, so the refusals above are the Origin's doing.
    await confirmAdmin();
    const note = await postServerActionWithHeaders({
      actionId: builtAction(ACTIONS.addNote).id,
      pagePath: `/staff/inquiries/${target.id}`,
      previous: null,
      fields: { inquiryId: target.id, body: `Same-origin note ${tag}` },
      cookie: adminCookie,
      headers: {},
    });
    expect(note.body, "a same-origin note").toContain("Note added.");
    const email = `same-origin-${tag}@clinic.example`;
    const invited = await postServerActionWithHeaders({
      actionId: builtAction(ACTIONS.invite).id,
      pagePath: "/staff/admin/users",
      previous: {},
      fields: { email, role: "coordinator" },
      cookie: adminCookie,
      headers: {},
    });
    expect(invited.body, "a same-origin invitation").toContain(`Invitation sent to ${email}`);
    const exported = await fetchStaffPath("/api/staff/exports", {
      cookie: adminCookie,
      method: "POST",
      headers: { Origin: ours.origin, "Content-Type": "application/x-www-form-urlencoded" },
      body: exportBody,
    });
    expect(exported.headers.get("content-type") ?? "", "a same-origin export").toContain("text/csv");
  });

  test("a real page on another origin posting the detail page's note form in Chromium changes nothing", async ({ browser }) => {
    test.setTimeout(120_000);
    const ours = new URL(baseURL);
    const target = await submitTestInquiry();
    const cookies = await adminContext.cookies();
    const session = cookies.find((cookie) => cookie.name.endsWith("session_token"));
    expect(session, "the staff session cookie").toBeDefined();
    expect.soft(session?.httpOnly, "session cookie HttpOnly").toBe(true);
    expect.soft(["Lax", "Strict"], "session cookie SameSite").toContain(session?.sameSite);

    // The note form as the server renders it (the no-JavaScript form: hidden action fields).
    const html = (await fetchStaffPath(`/staff/inquiries/${target.id}`, { cookie: adminCookie })).body;
    const noteForm = (html.match(/<form\b[\s\S]*?<\/form>/g) ?? []).find((candidate) => candidate.includes('id="note-new"'));
    if (!noteForm) throw new Error("no note form on the detail page");
    const hidden = (noteForm.match(/<input\b[^>]*type="hidden"[^>]*>/g) ?? []).join("\n");
    expect(hidden, "the form's action fields").toContain("$ACTION_");
    const notes = () => count(`SELECT count(*) AS n FROM "InquiryNote" WHERE "inquiryId" = $1`, [target.id]);

    /** The form on a page at `origin`, submitted by that page; answers whether the note was added. */
    const postFrom = async (origin: string, expectCookie: boolean): Promise<boolean> => {
      const context = await browser.newContext({ storageState: await adminContext.storageState() });
      const page = await context.newPage();
      // Only this one URL is made up; the form's POST reaches the real server.
      await page.route(`${origin}/prize.html`, (route) =>
        route.fulfill({
          contentType: "text/html",
          body: `<!doctype html><title>Win a prize</title><form id="f" method="post" enctype="multipart/form-data" action="${baseURL}/staff/inquiries/${target.id}">${hidden}<textarea name="body">Note posted from ${origin} ${tag}</textarea></form>`,
        }),
      );
      await page.goto(`${origin}/prize.html`);
      const before = await notes();
      const [response] = await Promise.all([
        page.waitForResponse((candidate) => candidate.request().method() === "POST" && candidate.url().startsWith(baseURL)),
        page.evaluate(() => (document.getElementById("f") as HTMLFormElement).submit()),
      ]);
      const where = `the note form posted from ${origin}`;
      expect.soft(Boolean(await response.request().headerValue("cookie")), `${where}: the browser sent the cookie`).toBe(expectCookie);
      expect.soft(await response.request().headerValue("origin"), `${where}: Origin`).toBe(origin);
      await context.close();
      return (await notes()) > before;
    };
    // Another site: SameSite=Lax keeps the cookie off, and the Origin is foreign.
    const digest = await stateDigest(target.id);
    expect.soft(await postFrom("http://evil.example", false), "a note added from another site").toBe(false);
    // Same site, other origin (another port on our host): the cookie goes along; the Origin check alone must refuse it.
    expect.soft(await postFrom(`http://${ours.hostname}:${Number(ours.port) + 1}`, true), "a note added from a sibling origin").toBe(false);
    expect(await stateDigest(target.id), "the record after the forged posts").toBe(digest);
    // Control: the very same page served from our own origin adds the note.
    expect(await postFrom(ours.origin, true), "a note added by the same form from our origin").toBe(true);
  });

  test("redirect parameters on sign-in are ignored: a complete sign-in ends on our /staff, and every Location stays on our origin", async ({ browser }) => {
    test.setTimeout(120_000);
    const ours = new URL(baseURL);
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    const redirects: { from: string; to: string }[] = [];
    page.on("response", (response) => {
      const headers = response.headers();
      for (const to of [headers.location, headers["x-action-redirect"]?.split(";")[0]]) if (to) redirects.push({ from: response.url(), to });
    });

    await page.goto(`/staff/sign-in?${REDIRECT_PARAMETERS}`);
    await submitPassword(page, admin);
    await expect(page).toHaveURL(/\/staff\/sign-in\/verify$/);
    await page.goto(`/staff/sign-in/verify?${REDIRECT_PARAMETERS}`);
    await page.getByLabel("6-digit code from your authenticator app").fill(totpCode(admin.secret));
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${ours.origin}/staff`);
    // Signed in, the sign-in page sends people home, whatever it is asked.
    await page.goto(`/staff/sign-in?${REDIRECT_PARAMETERS}`);
    await expect(page).toHaveURL(`${ours.origin}/staff`);
    const cookie = cookieHeader(await context.cookies());
    await context.close();

    // Paths that trip naive redirects (trailing slashes, doubled or backslashed
    // slashes), signed out and signed in. Better Auth has no HTTP handler here.
    const probes = [
      "/staff/",
      "/staff/sign-in/",
      `/staff/sign-in/?${REDIRECT_PARAMETERS}`,
      "//evil.example/staff",
      "//evil.example/staff/",
      "/staff//evil.example/",
      "/staff/%2F%2Fevil.example/",
      "/\\evil.example/staff/",
      "/staff/\\evil.example/",
      "/%5Cevil.example/",
      "/staff/inquiries/",
      "/staff/inquiries/due/?next=//evil.example",
      "/api/auth/sign-in/social?callbackURL=https://evil.example",
      "/api/auth/callback/github?callbackURL=https://evil.example",
      "/en//evil.example",
      "/en/%2F%2Fevil.example/",
    ];
    for (const path of probes) {
      for (const as of [undefined, cookie]) {
        const response = await rawGet(path, as);
        const where = `GET ${path} ${as ? "signed in" : "signed out"}`;
        expect.soft(response.status, `${where}: status`).toBeLessThan(500);
        if (response.location) redirects.push({ from: where, to: response.location });
      }
    }

    const foreign = redirects.filter(({ from, to }) => new URL(to, from.startsWith("http") ? from : baseURL).origin !== ours.origin);
    expect(foreign, "redirects to another origin").toEqual([]);
    expect(redirects.length, "redirects seen (the check above is not vacuous)").toBeGreaterThan(3);
  });

  test("SQL metacharacters in filters, query parameters and the posted search are harmless", async () => {
    test.setTimeout(300_000);
    const inquiries = () => count(`SELECT count(*) AS n FROM "Inquiry"`);
    const inquiriesBefore = await inquiries();
    const baselineInbox = inboxCodesIn((await fetchStaffPath("/staff/inquiries", { cookie: adminCookie })).body);
    expect(baselineInbox, "the open inbox lists A").toContain(recordA.referenceCode);

    /** What is wrong with the answer to one GET (nothing: an empty list). */
    const check = async (path: string, query: string, label: string): Promise<string[]> => {
      const started = Date.now();
      const response = await fetchStaffPath(`${path}?${query}`, { cookie: adminCookie });
      const elapsed = Date.now() - started;
      const where = `${label} → ${response.status}`;
      const found: string[] = [];
      // Pages drop what they cannot read (200); the poll says 400 for a bad "since".
      if (!(response.status === 200 || (path.startsWith("/api/") && response.status === 400))) found.push(`${where}: status`);
      if (NEXT_ERROR.test(response.body)) found.push(`${where}: an error page`);
      if (elapsed > 8000) found.push(`${where}: took ${elapsed} ms (pg_sleep?)`);
      if (path === "/staff/inquiries") {
        const leaked = inboxCodesIn(response.body).filter((code) => !baselineInbox.includes(code));
        if (leaked.length > 0) found.push(`${where}: rows the unfiltered inbox does not list: ${leaked.join(", ")}`);
      }
      return found;
    };
    const query = (pairs: string[][]) => new URLSearchParams(pairs.map(([name = "", value = ""]) => [name, value])).toString();

    const problems: string[] = [];
    for (const { path, params } of QUERY_PAGES) {
      const since = path.startsWith("/api/") ? [["since", String(Date.now() - 60_000)]] : [];
      const filters = params.filter((param) => param !== "since");
      for (const value of METACHARACTERS) {
        const shown = JSON.stringify(value);
        // Every parameter at once; when that fails, each alone, to name the culprit.
        const together = await check(path, query([...since, ...filters.map((param) => [param, value])]), `${path} every parameter=${shown}`);
        if (together.length > 0) {
          const alone: string[] = [];
          for (const param of filters) alone.push(...(await check(path, query([...since, [param, value]]), `${path} ${param}=${shown}`)));
          problems.push(...(alone.length > 0 ? alone : together));
        }
        // Each parameter repeated (an array).
        problems.push(...(await check(path, query([...since, ...filters.flatMap((param) => [[param, value], [param, "open"]])]), `${path} repeated=${shown}`)));
        if (since.length > 0) problems.push(...(await check(path, query([["since", value]]), `${path} since=${shown}`)));
      }
      for (const param of params) {
        problems.push(...(await check(path, query([...since.filter(([name]) => name !== param), [param, LONG]]), `${path} ${param}=<6000 chars>`)));
      }
      // Raw, malformed percent-encoding and prototype keys as parameter names.
      for (const raw of ["source=%", "stage=%E0%A4%A", "from=%00", "__proto__=x&constructor=y", "__proto__[stage]=all", "stage[]=all&stage[]=NEW"]) {
        problems.push(...(await check(path, `${since.map(([name, value]) => `${name}=${value}&`).join("")}${raw}`, `${path} ${raw}`)));
      }
    }
    // Values that pass a filter's format but match nothing list nothing.
    for (const url of ["/staff/inquiries?assignee=--", "/staff/inquiries?assignee=_", "/staff/inquiries?source=_", "/staff/inquiries?source=OR_1_1"]) {
      const body = (await fetchStaffPath(url, { cookie: adminCookie })).body;
      expect.soft(inboxCodesIn(body), url).toEqual([]);
      expect.soft(body, url).toContain("No inquiries match these filters.");
    }
    // A record id made of metacharacters is "not found", not an error. (The
    // page streams behind loading.tsx, so the status is sent before the lookup:
    // 200 with the not-found page in the stream.)
    for (const value of ["' OR 1=1 --", `"; DROP TABLE "Inquiry"; --`, "%", "00000000-0000-0000-0000-000000000000' OR '1'='1"]) {
      const response = await fetchStaffPath(`/staff/inquiries/${encodeURIComponent(value)}`, { cookie: adminCookie });
      expect.soft([200, 404], `record id ${value}: status`).toContain(response.status);
      expect.soft(response.body, `record id ${value}`).toContain("Inquiry not found");
      expect.soft(inboxCodesIn(response.body).length + referenceCodesIn(response.body).length, `record id ${value}: records shown`).toBe(0);
    }
    expect.soft(problems, "answers to hostile query parameters").toEqual([]);

    // The posted search: a clear message, or exactly the legitimate match.
    const search = builtAction(ACTIONS.search);
    const searchFor = async (term: string) => {
      const response = await callServerAction({ actionId: search.id, pagePath: search.pagePath, args: [json(null), form({ q: term })], cookie: adminCookie });
      expect.soft(response.status, `search for ${JSON.stringify(term)}: status`).toBe(200);
      expect.soft(response.body, `search for ${JSON.stringify(term)}: no error`).not.toContain("Something went wrong and nothing was changed");
      return response.body;
    };
    const legitimate: [string, string][] = [
      [stored.email, recordA.referenceCode],
      [stored.email.toUpperCase(), recordA.referenceCode],
      [bobby.firstName, recordB.referenceCode],
      // The name search ignores punctuation by design ("José-Luis" is "jose luis"): "%" is punctuation, not a wildcard.
      [`${bobby.firstName}%`, recordB.referenceCode],
      [recordB.referenceCode, recordB.referenceCode],
    ];
    for (const [term, code] of legitimate) expect.soft(referenceCodesIn(await searchFor(term)), `search for ${term}`).toEqual([code]);
    const wildcards = [`Robert${letterTag}%`, `%${letterTag}%`, `Robert${letterTag}*`, `Robert${letterTag}_`, `%@example.org`, `o'hara+${tag}'--@%`];
    for (const term of [...METACHARACTERS, LONG, `${stored.email}' OR 1=1 --`, ...wildcards, "*", "' OR ''='"]) {
      const body = await searchFor(term);
      expect.soft(referenceCodesIn(body), `search for ${JSON.stringify(term.slice(0, 60))}: rows`).toEqual([]);
      // Either "ok":false with a message for the field, or a search that found nothing.
      expect.soft(/"ok":false,"fieldErrors":\{"q":"[^"]+"\}|"ok":true,/.test(body), `search for ${JSON.stringify(term.slice(0, 60))}: a clear answer`).toBe(true);
    }

    // The table is whole: nothing dropped, deleted or added.
    expect(await count(`SELECT count(*) AS n FROM pg_class WHERE relname = 'Inquiry' AND relkind = 'r'`), "the Inquiry table").toBe(1);
    expect(await inquiries(), "inquiries after the hostile requests").toBe(inquiriesBefore);
    expect(await count(`SELECT count(*) AS n FROM "Inquiry" WHERE id = ANY($1::uuid[])`, [`{${recordA.id},${recordB.id}}`]), "A and B").toBe(2);
  });
});

// ─── Regressions: what this spec found ───────────────────────────────────────
//
// Bugs the tests above found, each pinned by a test of its own. They have a
// describe of their own, not serial and with their own admin, so that one
// failing neither skips the others nor the tests above.

test.describe("regressions found by this spec", () => {
  const bugAdmin = { email: `hostile-bugs-${tag}@clinic.example`, name: `Hostile Bugs ${tag}`, password: `the ${tag} crab walks sideways home` };
  const victim = { email: `hostile-victim-${tag}@clinic.example`, name: `Hostile Victim ${tag}`, password: `the ${tag} tern dives twice` };
  let cookie = "";
  let victimId = "";

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    baseURL = e2eSettings().baseUrl;
    const bugAdminCli = await createAdminWithCli(bugAdmin);
    await createAdminWithCli(victim);
    victimId = (await staffUserByEmail(victim.email)).id;
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await openSetUpLink(page, { text: bugAdminCli.output, password: bugAdmin.password });
    await enrol(page, bugAdmin.password);
    cookie = cookieHeader(await context.cookies());
    await context.close();
  });

  // Next.js lets a server action without Origin through; proxy.ts now refuses
  // staff POSTs without our Origin or with a cross-site Sec-Fetch-Site.
  test("server actions without an Origin, marked cross-site or same-site by Sec-Fetch-Site, are refused like the export", async () => {
    test.setTimeout(120_000);
    const target = await submitTestInquiry();
    await expectRefusedWithHeaders(target, NO_ORIGIN_VARIANTS, "no-origin", {
      cookie,
      victim: { id: victimId, email: victim.email, role: "admin", command: "make-coordinator" },
    });
  });

  // ?error= once found inherited object keys (500); now a Map lookup.
  test("the export page reads ?error= without tripping over inherited object keys (__proto__, constructor, …)", async () => {
    for (const value of FOUND_500.exportError) {
      const response = await fetchStaffPath(`/staff/admin/export?error=${encodeURIComponent(value)}`, { cookie });
      expect.soft(response.status, `/staff/admin/export?error=${value}`).toBe(200);
      expect.soft(response.body.includes("Each export is recorded in the audit log"), `/staff/admin/export?error=${value}: the form`).toBe(true);
    }
  });

  // A NUL byte in ?actor= once reached PostgreSQL (500); now refused by the schema.
  test("the audit log drops an actor filter holding a NUL byte instead of answering 500", async () => {
    for (const value of FOUND_500.auditActor) {
      const response = await fetchStaffPath(`/staff/admin/audit?actor=${encodeURIComponent(value)}`, { cookie });
      expect.soft(response.status, `/staff/admin/audit?actor=${JSON.stringify(value)}`).toBe(200);
      expect.soft(response.body.includes("Entries cannot be changed or deleted"), `/staff/admin/audit?actor=${JSON.stringify(value)}: the log`).toBe(true);
    }
  });
});
