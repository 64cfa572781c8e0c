import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { RESULTS_DIR } from "./support/paths";
import { e2eSettings } from "./support/settings";
import { withStaffDb } from "./support/staff/staff-database";
import { failedNotification, submitTestInquiry, type TestInquiry } from "./support/staff/test-inquiry";
import { createTriageTeam, type TriageTeam } from "./support/staff/triage-team";

// axe-core (WCAG 2.2 A/AA rules, as in accessibility.spec.ts) on every staff
// page that staff-sign-in.spec.ts does not already check, in the states people
// meet them in: an inbox with and without rows, filtered, searched; call-backs
// due; an inquiry with notes, attempts, a flagged duplicate, the decision
// prompt and a refused action; reports with data; every admin page, settings
// with a validation error and a failed notification to send again. Each at
// 1280 and 320 CSS pixels; at 320 nothing may scroll sideways except inside a
// .table-scroll container (WCAG 1.4.10 Reflow). Failures are soft: one run
// lists every page and state.


const WIDTHS = [1280, 320] as const;

let team: TriageTeam;
/** Two inquiries from the same phone: the second is flagged as a possible duplicate of the first. */
let original: TestInquiry;
let duplicate: TestInquiry;
/** A third from the same phone, for the detail page at the second width (the first is moved on by then). */
let anotherDuplicate: TestInquiry;

type Fixture = { team: TriageTeam; original: TestInquiry; duplicate: TestInquiry; anotherDuplicate: TestInquiry };

const CACHE_FILE = path.join(RESULTS_DIR, "staff-accessibility-fixture.json");

/**
 * Playwright starts a new worker (and runs beforeAll again) after a failed
 * test; the team and inquiries (a minute and a half, most of it waiting for
 * the arrivals job) are kept in a file for the run's database and reused.
 */
async function cachedFixture(): Promise<Fixture | undefined> {
  try {
    const cache = JSON.parse(await readFile(CACHE_FILE, "utf8")) as Fixture & { databaseUrl: string };
    return cache.databaseUrl === e2eSettings().databaseUrl ? cache : undefined;
  } catch {
    return undefined;
  }
}

async function createFixture(browser: Browser): Promise<Fixture> {
  const first = await submitTestInquiry();
  const second = await submitTestInquiry();
  const third = await submitTestInquiry();
  await failedNotification();
  const made = await createTriageTeam(browser, "a11y");
  // The arrivals job flags them in the background, once a minute.
  const flagged = () =>
    withStaffDb(async (client) =>
      (await client.query<{ duplicateState: string }>(`SELECT "duplicateState" FROM "Inquiry" WHERE id = ANY($1::uuid[])`, [[second.id, third.id]])).rows
        .map((row) => row.duplicateState)
        .join(","),
    );
  await expect.poll(flagged, { message: "later inquiries from the same phone are flagged", timeout: 90_000, intervals: [2_000] }).toBe("FLAGGED,FLAGGED");
  const fixture = { team: made, original: first, duplicate: second, anotherDuplicate: third };
  await writeFile(CACHE_FILE, JSON.stringify({ ...fixture, databaseUrl: e2eSettings().databaseUrl }));
  return fixture;
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  ({ team, original, duplicate, anotherDuplicate } = (await cachedFixture()) ?? (await createFixture(browser)));
});

async function adminPage(browser: Browser, width: number): Promise<Page> {
  const context = await browser.newContext({ baseURL: e2eSettings().baseUrl, storageState: team.admin.storageState, viewport: { width, height: 900 } });
  return context.newPage();
}

/** Elements that stick out past the viewport's right edge, outside any .table-scroll container. */
async function overflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const limit = root.clientWidth;
    const culprits = Array.from(document.body.querySelectorAll<HTMLElement>("*"))
      // Inside a .table-scroll container is fine; the container itself must fit.
      .filter((element) => !element.parentElement?.closest(".table-scroll") && element.getBoundingClientRect().right > limit + 0.5)
      .filter((element) => getComputedStyle(element).visibility !== "hidden" && element.getClientRects().length > 0)
      .slice(0, 8)
      .map((element) => {
        const box = element.getBoundingClientRect();
        const classes = element.className && typeof element.className === "string" ? `.${element.className.trim().split(/\s+/).join(".")}` : "";
        return `<${element.localName}${element.id ? `#${element.id}` : ""}${classes}> right=${Math.round(box.right)} "${(element.textContent ?? "").trim().slice(0, 40)}"`;
      });
    return { scrollWidth: root.scrollWidth, clientWidth: limit, culprits };
  });
}

/**
 * axe on the page as it is now; at 320 px, also no sideways scrolling.
 */
async function checkPage(page: Page, where: string): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  await expectNoAxeViolations(page, `${where} at ${width} px`);
  if (width <= 320) {
    const found = await overflow(page);
    expect
      .soft(found.scrollWidth, `${where} at ${width} px: the page scrolls sideways (scrollWidth ${found.scrollWidth} > ${found.clientWidth}); wider than the viewport: ${found.culprits.join("; ")}`)
      .toBeLessThanOrEqual(320);
  }
}

for (const width of WIDTHS) {
  test.describe(`at ${width} px`, () => {
    test("inbox: with rows, empty, filtered, searched with and without a result", async ({ browser }) => {
      test.setTimeout(90_000);
      const page = await adminPage(browser, width);
      await page.goto("/staff/inquiries");
      await expect(page.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
      await expect(page.locator("a[data-inbox-row-link]", { hasText: duplicate.referenceCode })).toBeVisible();
      await checkPage(page, "/staff/inquiries (with rows)");

      // Nothing received in 2099: the empty state.
      await page.goto("/staff/inquiries?from=2099-01-01");
      await expect(page.getByText("No inquiries match these filters.")).toBeVisible();
      await checkPage(page, "/staff/inquiries (empty)");

      // Filters chosen in the form and applied.
      await page.goto("/staff/inquiries");
      await page.getByLabel("Urgency").selectOption("ROUTINE");
      await page.getByLabel("Assigned to").selectOption("unassigned");
      await page.getByRole("button", { name: "Apply filters" }).click();
      await expect(page).toHaveURL(/urgency=ROUTINE/);
      await expect(page.locator("a[data-inbox-row-link]").first()).toBeVisible();
      await checkPage(page, "/staff/inquiries (filtered: routine, unassigned)");

      const searchBox = page.getByLabel("Reference code, phone number, email address or first name");
      const status = page.getByRole("region", { name: "Find an inquiry" }).getByRole("status");
      await searchBox.fill("nobody.at.all@example.net");
      await page.getByRole("button", { name: "Search", exact: true }).click();
      await expect(status).toHaveText("No inquiry matches that email address.");
      await checkPage(page, "/staff/inquiries (search without a result)");

      await searchBox.fill(duplicate.referenceCode);
      await page.getByRole("button", { name: "Search", exact: true }).click();
      await expect(page.getByRole("table", { name: /Search results/ })).toBeVisible();
      await checkPage(page, "/staff/inquiries (search with a result)");

      await searchBox.fill("+1");
      await page.getByRole("button", { name: "Search", exact: true }).click();
      // Refused: a field error under the box, or a sentence in the status line.
      await expect(page.locator("#inbox-q-error").or(status.filter({ hasText: /\S/ })).first()).toBeVisible();
      await checkPage(page, "/staff/inquiries (search refused)");
      await page.context().close();
    });

    test("call-backs: none due, then one due now", async ({ browser }) => {
      const page = await adminPage(browser, width);
      await withStaffDb((client) => client.query(`UPDATE "Inquiry" SET "nextFollowUpAt" = NULL WHERE "nextFollowUpAt" IS NOT NULL AND id = $1`, [original.id]));
      await page.goto("/staff/inquiries/due");
      await expect(page.getByRole("heading", { level: 1, name: "Call-backs" })).toBeVisible();
      await checkPage(page, "/staff/inquiries/due");
      // A call-back set earlier, now ten minutes overdue (time passing, done in SQL).
      await withStaffDb((client) => client.query(`UPDATE "Inquiry" SET "nextFollowUpAt" = now() - interval '10 minutes' WHERE id = $1`, [original.id]));
      await page.goto("/staff/inquiries/due?mine=1");
      await checkPage(page, "/staff/inquiries/due?mine=1 (only mine)");
      await page.goto("/staff/inquiries/due");
      await expect(page.getByRole("link", { name: original.referenceCode })).toBeVisible();
      await checkPage(page, "/staff/inquiries/due (one due now)");
      await page.context().close();
    });

    test("inquiry detail: new, then with attempts, the decision prompt, a note, a flagged duplicate, and a refused action", async ({ browser }) => {
      test.setTimeout(120_000);
      const page = await adminPage(browser, width);
      const inquiry = width === WIDTHS[0] ? duplicate : anotherDuplicate;
      await page.goto(`/staff/inquiries/${inquiry.id}`);
      await expect(page.getByRole("heading", { level: 1, name: `Inquiry ${inquiry.referenceCode}` })).toBeVisible();
      await expect(page.getByRole("region", { name: "Possible duplicate" })).toBeVisible();
      await checkPage(page, "/staff/inquiries/[id] (new, flagged as a possible duplicate)");

      const assignment = page.getByRole("region", { name: "Assignment" });
      await assignment.getByRole("button", { name: "Assign to me" }).click();
      await expect(assignment.getByText(`Assigned to ${team.admin.name} (you)`)).toBeVisible();

      const needed = await withStaffDb(
        async (client) => (await client.query<{ attemptsBeforeDecision: number }>(`SELECT "attemptsBeforeDecision" FROM "TriageSettings" LIMIT 1`)).rows[0]?.attemptsBeforeDecision ?? 3,
      );
      const attempts = page.getByRole("region", { name: "Contact attempts" });
      for (let logged = 1; logged <= needed; logged += 1) {
        await attempts.getByRole("button", { name: "Called: no answer" }).click();
        await expect(attempts.getByRole("cell", { name: "Called: no answer" })).toHaveCount(logged);
      }
      await expect(page.getByRole("group", { name: "Decision needed" })).toBeVisible();

      const notes = page.getByRole("region", { name: "Notes" });
      await notes.getByLabel("New note").fill("Three calls at different times; no voicemail allowed.");
      await notes.getByRole("button", { name: "Add note" }).click();
      await expect(notes.getByRole("article")).toHaveCount(1);
      await checkPage(page, "/staff/inquiries/[id] (attempts, decision prompt, a note, a flagged duplicate)");

      // Edit form of the note open.
      await notes.getByText(/^Edit \(until/).click();
      await expect(notes.getByLabel("Corrected note")).toBeVisible();
      await checkPage(page, "/staff/inquiries/[id] (note edit form open)");

      // A refused action: the stage is moved in another tab; this tab, still
      // showing the old stage, is told so.
      const other = await page.context().newPage();
      await other.goto(`/staff/inquiries/${inquiry.id}`);
      await other.getByRole("region", { name: "Stage" }).getByRole("button", { name: "Move to Reached" }).click();
      await expect(other.getByRole("region", { name: "Stage" }).getByText("Reached", { exact: true })).toBeVisible();
      await other.close();
      await page.getByRole("region", { name: "Stage" }).getByRole("button", { name: "Move to Screening scheduled" }).click();
      await expect(page.getByRole("region", { name: "Stage" }).getByRole("alert")).toBeVisible();
      await checkPage(page, "/staff/inquiries/[id] (a refused stage change)");
      await page.context().close();
    });

    test("reports with data", async ({ browser }) => {
      const page = await adminPage(browser, width);
      await page.goto("/staff/reports");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await checkPage(page, "/staff/reports");
      await page.context().close();
    });

    test("admin pages: settings (and a validation error), export, retention (and a refused hold), failed notifications", async ({ browser }) => {
      test.setTimeout(90_000);
      const page = await adminPage(browser, width);
      await page.goto("/staff/admin/settings");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await checkPage(page, "/staff/admin/settings");
      const timeZone = page.getByLabel("Time zone");
      await timeZone.fill("Mars/Olympus_Mons");
      await page.getByRole("button", { name: "Save settings" }).click();
      await expect(timeZone).toHaveAttribute("aria-invalid", "true");
      await checkPage(page, "/staff/admin/settings (an invalid time zone)");

      await page.goto("/staff/admin/export");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await checkPage(page, "/staff/admin/export");

      await page.goto("/staff/admin/retention");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await checkPage(page, "/staff/admin/retention");
      const hold = page.getByRole("form", { name: "Place or lift a legal hold" });
      await hold.getByLabel("Reference code").fill("ZZZZ-ZZZZ");
      await hold.getByLabel("Why").selectOption("litigation");
      await hold.getByLabel("Reason (case or request reference)").fill("Case 2024-117");
      await hold.getByRole("button", { name: "Apply" }).click();
      await expect(hold.getByRole("alert").or(hold.getByRole("status")).first()).not.toBeEmpty();
      await checkPage(page, "/staff/admin/retention (a refused legal hold)");

      await page.goto("/staff/admin/notifications");
      await expect(page.getByRole("button", { name: /^Send all \d+ again$/ })).toBeVisible();
      await checkPage(page, "/staff/admin/notifications (a failed notification)");
      await page.context().close();
    });

    test("pages already covered elsewhere, checked for reflow: home, account, users, audit log", async ({ browser }) => {
      test.skip(width !== 320, "axe at 1280 px runs in staff-sign-in.spec.ts");
      const page = await adminPage(browser, width);
      for (const path of ["/staff", "/staff/account", "/staff/admin/users", "/staff/admin/audit"]) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await checkPage(page, path);
      }
      await page.context().close();
    });
  });
}
