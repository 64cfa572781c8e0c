import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { tabTo } from "./support/keyboard";
import { e2eSettings } from "./support/settings";
import { withStaffDb } from "./support/staff/staff-database";
import { submitTestInquiry } from "./support/staff/test-inquiry";
import { createTriageTeam, type TriageTeam } from "./support/staff/triage-team";

// Issue 12: a coordinator enters a phone inquiry in the staff area, by
// keyboard alone and without JavaScript. Bad answers come back field by field
// with an error summary; a saved inquiry opens its record, which shows how it
// arrived and that it may duplicate an earlier web inquiry (the e2e test
// inquiries all share one phone number). Axe-clean at 1280 and 320 px.

test.describe.configure({ mode: "serial" });

let team: TriageTeam;
const NEW_INQUIRY = "/staff/inquiries/new";
const RECORD_URL = /\/staff\/inquiries\/[0-9a-f-]{36}$/;
// The phone of every e2e test inquiry (support/valid-inquiry.ts), typed another way.
const SAME_PHONE = "212-555-0142";

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  team = await createTriageTeam(browser, "walkin");
  await submitTestInquiry();
});

async function coordinatorPage(browser: Parameters<Parameters<typeof test>[2]>[0]["browser"], javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ baseURL: e2eSettings().baseUrl, storageState: team.coordinator.storageState, javaScriptEnabled });
  return context.newPage();
}

type Stored = { channel: string; enteredById: string | null; referenceCode: string; duplicateState: string; actions: string[]; consentBy: (string | null)[] };

async function stored(id: string): Promise<Stored> {
  return withStaffDb(async (client) => {
    const row = (await client.query(`SELECT channel::text, "enteredById", "referenceCode", "duplicateState"::text FROM "Inquiry" WHERE id = $1`, [id])).rows[0];
    const actions = (await client.query<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE "inquiryId" = $1 ORDER BY id`, [id])).rows.map((r) => r.action);
    const consentBy = (await client.query<{ recordedById: string | null }>(`SELECT "recordedById" FROM "ConsentRecord" WHERE "inquiryId" = $1`, [id])).rows.map((r) => r.recordedById);
    return { ...row, actions, consentBy };
  });
}

const idOf = (page: Page) => page.url().split("/").at(-1) ?? "";

test("a coordinator enters a phone inquiry by keyboard alone, corrects what was wrong, and lands on its record", async ({ browser }) => {
  const page = await coordinatorPage(browser);
  await page.goto(NEW_INQUIRY);
  await expect(page.getByRole("heading", { level: 1, name: "New inquiry" })).toBeVisible();

  await tabTo(page, page.locator("#field-channel"), { max: 60 });
  await page.keyboard.press("ArrowDown");
  await expect(page.locator("#field-channel")).toHaveValue("PHONE");
  await tabTo(page, page.locator("#field-referringOrganisation"));
  await page.keyboard.type("Eastside Recovery Partners");
  // Who is asking: the first radio, chosen with Space.
  await tabTo(page, page.locator("#field-requesterType"));
  await page.keyboard.press("Space");
  await expect(page.locator("#field-requesterType")).toBeChecked();
  // First name left empty, a phone number that is no phone number.
  await tabTo(page, page.locator("#field-phone"), { max: 60 });
  await page.keyboard.type("12");
  await tabTo(page, page.locator("#field-preferredContactMethod"));
  await page.keyboard.press("Space");
  await tabTo(page, page.locator("#field-consent"), { max: 60 });
  await page.keyboard.press("Space");
  await tabTo(page, page.getByRole("button", { name: "Save inquiry" }));
  await page.keyboard.press("Enter");

  const summary = page.getByRole("alert").filter({ hasText: "There are 2 problems" });
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: "Enter a first name or a nickname." })).toHaveAttribute("href", "#field-firstName");
  await expect(page.locator("#field-phone-error")).toBeVisible();
  await expect(page.locator("#field-firstName")).toHaveAttribute("aria-invalid", "true");
  // What was typed is still there.
  await expect(page.locator("#field-referringOrganisation")).toHaveValue("Eastside Recovery Partners");
  await expect(page.locator("#field-channel")).toHaveValue("PHONE");
  await expectNoAxeViolations(page, "new inquiry with errors, 1280 px");

  await tabTo(page, page.locator("#field-firstName"), { max: 60 });
  await page.keyboard.type("Oriel");
  await tabTo(page, page.locator("#field-phone"), { max: 60 });
  await page.keyboard.press("Control+A");
  await page.keyboard.type(SAME_PHONE);
  await tabTo(page, page.getByRole("button", { name: "Save inquiry" }), { max: 60 });
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(RECORD_URL);
  await expect(page.getByText("Phone call, entered by")).toBeVisible();
  await expect(page.getByText("Eastside Recovery Partners")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Possible duplicate" })).toBeVisible();
  const row = await stored(idOf(page));
  expect(row).toMatchObject({ channel: "PHONE", enteredById: team.coordinator.id, duplicateState: "FLAGGED" });
  expect(row.actions).toContain("inquiry.created_by_staff");
  expect(row.consentBy).toHaveLength(6);
  expect(new Set(row.consentBy)).toEqual(new Set([team.coordinator.id]));
  await page.context().close();
});

test("the same without JavaScript: a plain form post, errors in the page, then the record", async ({ browser }) => {
  const page = await coordinatorPage(browser, false);
  await page.goto(NEW_INQUIRY);
  await page.locator("#field-channel").selectOption("WALK_IN");
  await page.locator("#field-requesterType").check();
  await page.locator("#field-firstName").fill("Marisol");
  await page.locator("#field-phone").fill(SAME_PHONE);
  await page.locator("#field-preferredContactMethod").check();
  await page.locator("#field-consent").check();
  // An hour in the future: refused.
  const future = await page.locator("#field-receivedAt").inputValue();
  const later = new Date(`${future}:00Z`);
  later.setUTCHours(later.getUTCHours() + 1);
  await page.locator("#field-receivedAt").fill(later.toISOString().slice(0, 16));
  await page.getByRole("button", { name: "Save inquiry" }).click();

  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toBeVisible();
  await expect(page.locator("#field-receivedAt-error")).toContainText("cannot be later than now");
  await expect(page.locator("#field-firstName")).toHaveValue("Marisol");

  await page.locator("#field-receivedAt").fill(future);
  await page.getByRole("button", { name: "Save inquiry" }).click();
  await expect(page).toHaveURL(RECORD_URL);
  // The record page streams its content behind loading.tsx, which only a
  // script reveals: without JavaScript it is in the HTML but stays hidden.
  await expect(page.locator("dd", { hasText: "Walk-in, entered by" })).toBeAttached();
  expect(await stored(idOf(page))).toMatchObject({ channel: "WALK_IN", enteredById: team.coordinator.id });
  await page.context().close();
});

test("the form is axe-clean at 1280 and 320 px, and the inbox labels and filters the channel", async ({ browser }) => {
  const page = await coordinatorPage(browser);
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(NEW_INQUIRY);
    await expectNoAxeViolations(page, `new inquiry, ${width} px`);
    await page.getByRole("button", { name: "Save inquiry" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "problems" })).toBeVisible();
    await expectNoAxeViolations(page, `new inquiry with errors, ${width} px`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `horizontal scrolling at ${width} px`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/staff/inquiries?stage=all&channel=WALK_IN");
  await expect(page.getByRole("combobox", { name: "Arrived by" })).toHaveValue("WALK_IN");
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await expect(page.locator("tbody tr").first()).toContainText("Walk-in");
  await expectNoAxeViolations(page, "inbox filtered by channel");
  await page.context().close();
});
