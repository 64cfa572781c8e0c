import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { makeAnswers } from "./support/answers";
import { expectNoAxeViolations } from "./support/axe";
import { TEXT } from "./support/form-text";
import { agreeToContact, chooseRequester, continueTo, fillContactStep, fillPersonStep, openForm, sendButton, waitForEnhancedForm } from "./support/inquiry-form";
import { e2eSettings } from "./support/settings";
import { withStaffDb } from "./support/staff/staff-database";
import { createTriageTeam, type TriageTeam } from "./support/staff/triage-team";

// Issue 12 in the browser: an admin edits the clinic's details and adds a
// referral source in Settings, by keyboard; the public pages show them on the
// next load, with no rebuild or restart. At the end the seed (clinic.json)
// applies again, so other specs see the usual phone number.
let team: TriageTeam;
const NEW_PHONE = { dial: "+1-555-0188", display: "(555) 555-0188" };
const DESCRIPTION = { en: "Evening groups for adults, three nights a week (end-to-end test).", es: "Grupos por la tarde para adultos, tres noches por semana (prueba)." };

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  team = await createTriageTeam(browser, "clinic");
});

test.afterAll(async () => {
  await withStaffDb(async (client) => {
    await client.query(`DELETE FROM "ClinicDetails"`);
    await client.query(`UPDATE "ReferralSource" SET "active" = false WHERE "code" LIKE 'DRUG_COURT_%'`);
  });
});

async function adminPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: e2eSettings().baseUrl, storageState: team.admin.storageState });
  return context.newPage();
}

async function publicPage(browser: Browser, options: { javaScript?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: e2eSettings().baseUrl, javaScriptEnabled: options.javaScript ?? true });
  return context.newPage();
}

/** Replaces a field's text the way a keyboard user does: focus, select all, type. */
async function retype(page: Page, field: Locator, text: string): Promise<void> {
  await field.focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  if (text !== "") await page.keyboard.type(text);
}

async function axeAtBothWidths(page: Page, where: string): Promise<void> {
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxeViolations(page, `${where} at ${width} px`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("an admin changes the clinic's phone and programme description, and public pages show them at once", async ({ browser }) => {
  const page = await adminPage(browser);
  await page.goto("/staff/admin/settings");
  await page.getByRole("link", { name: "Clinic details" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Clinic details" })).toBeVisible();
  await axeAtBothWidths(page, "clinic details");

  // Refused field by field, with a summary linking to each field; nothing saved.
  await retype(page, page.getByLabel("Clinic name"), "");
  await retype(page, page.getByLabel("Phone number for dialling"), "call us");
  await page.getByRole("button", { name: "Save clinic details" }).focus();
  await page.keyboard.press("Enter");
  const summary = page.getByRole("alert").filter({ hasText: "Please fix these 2 things" });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link", { name: "Write the clinic's name." })).toHaveAttribute("href", "#name");
  await expect(page.getByLabel("Phone number for dialling")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Phone number for dialling")).toHaveValue("call us");
  await axeAtBothWidths(page, "clinic details (refused)");
  expect(await withStaffDb(async (client) => (await client.query(`SELECT count(*)::int AS n FROM "ClinicDetails"`)).rows[0]?.n)).toBe(0);

  await retype(page, page.getByLabel("Clinic name"), "Riverside Family Services");
  await retype(page, page.getByLabel("Phone number for dialling"), NEW_PHONE.dial);
  await retype(page, page.getByLabel("Phone number as shown"), NEW_PHONE.display);
  await retype(page, page.getByLabel("Programme description (English)"), DESCRIPTION.en);
  await retype(page, page.getByLabel("Programme description (Spanish)"), DESCRIPTION.es);
  await page.getByRole("button", { name: "Save clinic details" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Clinic details saved." })).toBeVisible();
  await expect(page.getByLabel("Programme description (Spanish)")).toHaveAttribute("lang", "es");
  await axeAtBothWidths(page, "clinic details (saved)");
  const audit = await withStaffDb(async (client) => (await client.query(`SELECT metadata FROM "AuditEvent" WHERE action = 'clinic.details.updated' ORDER BY id DESC LIMIT 1`)).rows[0]?.metadata);
  expect(audit).toEqual({ changed: ["phone", "phoneDisplay", "programmeSummary.en", "programmeSummary.es"] });

  const visitor = await publicPage(browser);
  for (const [path, description] of [["/", DESCRIPTION.en], ["/es", DESCRIPTION.es]] as const) {
    await visitor.goto(path);
    await expect(visitor.getByRole("link", { name: NEW_PHONE.display }), `${path}: the new phone`).toHaveAttribute("href", "tel:+15550188");
    await expect(visitor.getByText(description), `${path}: the new description`).toBeVisible();
    await expect(visitor.locator("body")).not.toContainText("(555) 555-0100");
  }

  // The form's failure path (a refused submission, without JavaScript) names the new phone.
  const noScript = await publicPage(browser, { javaScript: false });
  for (const locale of ["en", "es"] as const) {
    await openForm(noScript, locale);
    await noScript.locator("#website").fill("https://spam.example", { force: true });
    await sendButton(noScript, locale).click();
    await expect(noScript.getByRole("alert").filter({ hasText: NEW_PHONE.display }), `${locale}: failure names the new phone`).toBeVisible();
  }
});

test("a referral source an admin adds is offered on the public form and can be sent", async ({ browser }) => {
  const label = `Drug court ${team.tag}`;
  const code = `DRUG_COURT_${team.tag.toUpperCase()}`.replace(/[^A-Z0-9]+/g, "_");
  const page = await adminPage(browser);
  await page.goto("/staff/admin/settings");
  await retype(page, page.getByLabel("New referral source"), label);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("form", { name: "Add a referral source" }).getByRole("status")).toHaveText("Saved.");

  const visitor = await publicPage(browser);
  await openForm(visitor, "es");
  // On a later step of the guided form, so hidden for now: found by its markup.
  await expect(visitor.locator('select[name="heardAbout"] option', { hasText: label })).toHaveAttribute("value", code);

  const answers = makeAnswers();
  await openForm(visitor, "en");
  await waitForEnhancedForm(visitor, "en");
  await chooseRequester(visitor, "en", "SELF");
  await continueTo(visitor, "en", "person");
  await fillPersonStep(visitor, "en", answers, "SELF");
  await continueTo(visitor, "en", "contact");
  await fillContactStep(visitor, "en", answers);
  await continueTo(visitor, "en", "more");
  await visitor.getByRole("combobox", { name: TEXT.en.heardAbout }).selectOption({ label });
  // The insurance step is optional (issue 12): left unanswered here.
  await continueTo(visitor, "en", "insurance");
  await continueTo(visitor, "en", "review");
  await expect(visitor.locator(".review-value", { hasText: label }), "the review lists the chosen source").toBeVisible();
  await agreeToContact(visitor, "en");
  await sendButton(visitor, "en").click();
  await expect(visitor.getByRole("heading", { name: TEXT.en.confirmationHeading })).toBeVisible();
  const stored = await withStaffDb(async (client) => (await client.query(`SELECT "heardAbout" FROM "Inquiry" ORDER BY "createdAt" DESC LIMIT 1`)).rows[0]?.heardAbout);
  expect(stored).toBe(code);
});
