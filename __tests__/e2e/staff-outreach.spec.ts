import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations, refuseAppScripts } from "./support/axe";
import { e2eSettings } from "./support/settings";
import { withStaffDb } from "./support/staff/staff-database";
import { submitTestInquiry, type TestInquiry } from "./support/staff/test-inquiry";
import { createTriageTeam, type TriageTeam, type TeamMember } from "./support/staff/triage-team";

// Issue 12: calling and texting from the record. The tel: link is there only
// with the person's CALL consent, the sms: link only with their TEXT consent;
// each sits behind a disclosure that first says "No voicemail" / "Do not name
// the programme"; the attempt is logged afterwards by keyboard. And an admin
// adds a closure day. Every page axe-clean at 1280 and 320 px.

test.describe.configure({ mode: "serial" });

let team: TriageTeam;
let callOnly: TestInquiry;
let textOnly: TestInquiry;
// The test inquiries' phone number (support/valid-inquiry.ts) as dialled.
const DIALLED = "+12125550142";

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  team = await createTriageTeam(browser, "outreach");
  [callOnly, textOnly] = [await submitTestInquiry(), await submitTestInquiry()];
  await consent(callOnly, { CALL: true, TEXT: false });
  await consent(textOnly, { CALL: false, TEXT: true });
});

// A later consent record is the current one (records are never overwritten),
// as when a coordinator records a change the person asked for.
async function consent(inquiry: TestInquiry, granted: Record<string, boolean>): Promise<void> {
  await withStaffDb(async (client) => {
    for (const [subject, value] of Object.entries(granted)) {
      await client.query(
        `INSERT INTO "ConsentRecord" ("inquiryId", subject, granted, "consentTextVersion", "recordedAt") VALUES ($1, $2::"ConsentSubject", $3, 'e2e', now() + interval '1 second')`,
        [inquiry.id, subject, value],
      );
    }
  });
}

async function pageAs(browser: Browser, member: TeamMember, width: number): Promise<Page> {
  const context = await browser.newContext({ baseURL: e2eSettings().baseUrl, storageState: member.storageState, viewport: { width, height: 900 } });
  return context.newPage();
}

async function attemptsOf(inquiry: TestInquiry): Promise<string[]> {
  return withStaffDb(async (client) =>
    (await client.query<{ what: string }>(`SELECT channel || ':' || outcome AS what FROM "ContactAttempt" WHERE "inquiryId" = $1 ORDER BY "attemptedAt"`, [inquiry.id])).rows.map(
      (row) => row.what,
    ),
  );
}

test("the call link comes only with CALL consent, after the cautions, and the attempt is logged by keyboard", async ({ browser }) => {
  const page = await pageAs(browser, team.coordinator, 1280);
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  await page.goto(`/staff/inquiries/${callOnly.id}`);
  const panel = page.getByRole("region", { name: "Call or text" });
  await expect(panel.locator('a[href^="sms:"]')).toHaveCount(0);
  await expect(panel).toContainText("No consent to text messages");
  const call = panel.locator("details", { has: page.locator('a[href^="tel:"]') });
  await expect(call.locator('a[href^="tel:"]')).toHaveAttribute("href", `tel:${DIALLED}`);
  // Closed: the cautions and the link are not shown yet.
  await expect(call.getByRole("link")).toBeHidden();

  // Opened with the keyboard (Enter on the summary), the cautions come first.
  await call.locator("summary").focus();
  await page.keyboard.press("Enter");
  const cautions = call.locator(".discreet-flag");
  // The test inquiries are asked on someone else's behalf (support/valid-inquiry.ts).
  await expect(cautions).toHaveText([
    "No voicemail — do not leave a message.",
    "Do not name the programme.",
    "Asked on someone else's behalf: do not mention the request to anyone who answers.",
  ]);
  const link = call.getByRole("link", { name: /I understand: call/ });
  await expect(link).toBeVisible();
  expect(await call.evaluate((details) => {
    const flag = details.querySelector(".discreet-flag");
    const anchor = details.querySelector('a[href^="tel:"]');
    return Boolean(flag && anchor && flag.compareDocumentPosition(anchor) & Node.DOCUMENT_POSITION_FOLLOWING);
  }), "the cautions come before the link").toBe(true);
  await expectNoAxeViolations(page, "inquiry detail, call disclosure open, 1280 px");

  // After the call: Tab from the link to the outcomes, Enter on "no answer".
  await link.focus();
  await page.keyboard.press("Tab");
  await expect(call.getByRole("button", { name: "Called: reached" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(call.getByRole("button", { name: "Called: no answer" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(call.getByRole("status")).toHaveText(/Attempt logged/);
  expect(await attemptsOf(callOnly)).toEqual(["CALL:NO_ANSWER"]);
  const audited = await withStaffDb(async (client) =>
    (await client.query(`SELECT 1 FROM "AuditEvent" WHERE "inquiryId" = $1 AND action = 'inquiry.contact_attempt_logged' AND "actorId" = $2`, [callOnly.id, team.coordinator.id])).rowCount,
  );
  expect(audited).toBe(1);
  // The number went to no URL of the app.
  const digits = DIALLED.slice(2);
  expect(urls.filter((url) => url.replace(/\D/g, "").includes(digits))).toEqual([]);
  await page.context().close();
});

test("the text link comes only with TEXT consent", async ({ browser }) => {
  const page = await pageAs(browser, team.coordinator, 320);
  await page.goto(`/staff/inquiries/${textOnly.id}`);
  const panel = page.getByRole("region", { name: "Call or text" });
  await expect(panel.locator('a[href^="tel:"]')).toHaveCount(0);
  await expect(panel).toContainText("No consent to phone calls");
  const text = panel.locator("details", { has: page.locator('a[href^="sms:"]') });
  await expect(text.locator('a[href^="sms:"]')).toHaveAttribute("href", `sms:${DIALLED}`);
  await text.locator("summary").focus();
  await page.keyboard.press("Enter");
  await expect(text.locator(".discreet-flag")).toContainText(["Do not name the programme."]);
  await expect(text.getByRole("link", { name: /I understand: write a text/ })).toBeVisible();
  await expectNoAxeViolations(page, "inquiry detail, text disclosure open, 320 px");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "no sideways scrolling at 320 px").toBeLessThanOrEqual(0);
  await text.getByRole("button", { name: "Text sent" }).focus();
  await page.keyboard.press("Enter");
  await expect(text.getByRole("status")).toHaveText(/Attempt logged/);
  expect(await attemptsOf(textOnly)).toEqual(["TEXT:LEFT_MESSAGE"]);
  await page.context().close();
});

test("without JavaScript the disclosure still hides the link until opened, and logging still works", async ({ browser }) => {
  const page = await pageAs(browser, team.coordinator, 1280);
  await refuseAppScripts(page);
  await page.goto(`/staff/inquiries/${callOnly.id}`);
  const call = page.getByRole("region", { name: "Call or text" }).locator("details", { has: page.locator('a[href^="tel:"]') });
  await expect(call.getByRole("link")).toBeHidden();
  await call.locator("summary").focus();
  await page.keyboard.press("Space");
  await expect(call.getByText("No voicemail — do not leave a message.")).toBeVisible();
  await expect(call.getByRole("link", { name: /I understand: call/ })).toBeVisible();
  await call.getByRole("button", { name: "Called: reached" }).focus();
  await page.keyboard.press("Enter");
  await expect.poll(() => attemptsOf(callOnly)).toEqual(["CALL:NO_ANSWER", "CALL:REACHED"]);
  await page.context().close();
});

test("an admin adds a closure day, which the list then shows", async ({ browser }) => {
  for (const width of [1280, 320]) {
    const page = await pageAs(browser, team.admin, width);
    await page.goto("/staff/admin/settings");
    await page.getByRole("link", { name: "Closure days and public holidays" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Closure days" })).toBeVisible();
    await expectNoAxeViolations(page, `closure days, ${width} px`);
    if (width === 1280) {
      const date = `${new Date().getUTCFullYear() + 1}-03-1${Math.floor(Math.random() * 9)}`;
      const form = page.getByRole("form", { name: "Add a closure day" });
      await form.getByLabel("Date").fill(date);
      await form.getByLabel("Label (optional)").fill("Staff training");
      await form.getByRole("button", { name: "Add closure day" }).press("Enter");
      await expect(form.getByRole("status")).toHaveText(`Closed on ${date}.`);
      await expect(page.getByRole("row", { name: new RegExp(date) })).toContainText("Staff training");
      const stored = await withStaffDb(async (client) => (await client.query(`SELECT label FROM "ClosureDay" WHERE date = $1::date`, [date])).rows);
      expect(stored).toEqual([{ label: "Staff training" }]);
      await expectNoAxeViolations(page, "closure days with a closure, 1280 px");
    } else {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, "no sideways scrolling at 320 px").toBeLessThanOrEqual(0);
    }
    await page.context().close();
  }
});
