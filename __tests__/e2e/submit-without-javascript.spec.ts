import { expect, test } from "@playwright/test";
import { expectNoneOf, makeAnswers, sensitiveValues } from "./support/answers";
import { findStoredInquiry } from "./support/database";
import { inspectSummaryLinks } from "./support/field-links";
import { literally, TEXT } from "./support/form-text";
import { consentCheckbox, continueButton, errorSummary, expectConfirmation, firstNameInput, openForm, sendForm, textbox } from "./support/inquiry-form";
import { e2eSettings } from "./support/settings";

// The form is a plain HTML form posting to the server action: with JavaScript
// off, every check, message and kept answer comes from the server's HTML, and
// all six steps are sections of one page with one button at the end.
test.use({ javaScriptEnabled: false });

const en = TEXT.en;
const es = TEXT.es;

test("without JavaScript the server reports errors beside the fields, keeps the answers, and accepts the corrected form", async ({ page }) => {
  const answers = makeAnswers();
  await openForm(page);
  // Nothing can hide them without JavaScript, so every step and the referral questions are there.
  for (const step of Object.values(en.steps)) await expect(page.getByRole("heading", { level: 2, name: step, exact: true })).toBeVisible();
  await expect(page.getByRole("group", { name: en.referralGroupNoScript })).toBeVisible();
  await expect(continueButton(page), "no Continue without JavaScript").toHaveCount(0);
  await expect(page.getByRole("button")).toHaveText([en.send]);

  await page.getByRole("radio", { name: en.requester.SELF }).check();
  await firstNameInput(page).fill(answers.firstName);
  await textbox(page, en.email).fill(answers.email);
  await textbox(page, en.message).fill(answers.message);
  await page.getByRole("checkbox", { name: en.morning }).check();
  const posted = page.waitForRequest((request) => request.method() === "POST");
  const answered = page.waitForResponse((response) => response.request().method() === "POST");
  await sendForm(page);

  // Next.js refuses a Server Action whose Origin header does not match the
  // host; a browser sends "Origin: null" for a form post from a page whose
  // Referrer-Policy is no-referrer.
  expect(await (await posted).headerValue("origin"), "Origin header of the form post").toBe(new URL(e2eSettings().baseUrl).origin);
  expect((await answered).status(), "status of the answer to the form post").toBe(200);

  const summary = errorSummary(page);
  await expect(summary).toBeVisible();
  await expect(summary, "the server-rendered error summary takes focus (autofocus)").toBeFocused();
  await expect(summary.getByRole("listitem")).toHaveText([en.errors.contactMethod, en.errors.consent]);
  await expect(summary.getByRole("heading")).toHaveText(en.summaryTitle(2));
  for (const link of await inspectSummaryLinks(summary)) {
    expect(link.targetFound, `"${link.message}" links to a control (#${link.targetId})`).toBe(true);
    expect(link.description, `#${link.targetId}'s description`).toContain(link.message);
  }
  const contactMethod = page.getByRole("group", { name: en.contactMethodGroup });
  await expect(contactMethod.getByText(en.errors.contactMethod)).toBeVisible();
  await expect(contactMethod).toHaveAccessibleDescription(/Choose how you would like us to contact you\./);
  await expect(consentCheckbox(page)).toHaveAccessibleDescription(/Please tick the box to let us contact you\./);

  // What was typed is still there, and went nowhere near the URL.
  await expect(page.getByRole("radio", { name: en.requester.SELF })).toBeChecked();
  await expect(firstNameInput(page)).toHaveValue(answers.firstName);
  await expect(textbox(page, en.email)).toHaveValue(answers.email);
  await expect(textbox(page, en.message)).toHaveValue(answers.message);
  await expect(page.getByRole("checkbox", { name: en.morning })).toBeChecked();
  expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe("/request");
  expectNoneOf(decodeURIComponent(page.url()), sensitiveValues(answers), "the URL");

  await textbox(page, en.phone).fill(answers.phone);
  await page.getByRole("radio", { name: en.phoneCall }).check();
  await consentCheckbox(page).check();
  await sendForm(page);

  const code = await expectConfirmation(page);
  expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe("/request");
  await expect(page).toHaveTitle(en.title);
  const stored = await findStoredInquiry(code);
  expect(stored, `an Inquiry row with reference ${code}`).toBeDefined();
  expect(stored?.inquiry).toMatchObject({ requesterType: "SELF", locale: "en" });
  expect(stored?.inquiry.firstNameEnc).toMatch(/^v1\.e2e\./);
  expectNoneOf(JSON.stringify(stored), sensitiveValues(answers), "the database");
});

test("without JavaScript the Spanish form is checked by the server in Spanish", async ({ page }) => {
  await openForm(page, "es");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await firstNameInput(page, "es").fill("Quorra");
  await sendForm(page, "es");

  const summary = errorSummary(page, "es");
  await expect(summary).toBeVisible();
  await expect(summary, "the server-rendered error summary takes focus (autofocus)").toBeFocused();
  const expected = [es.errors.requesterType, es.errors.phoneOrEmail, es.errors.contactMethod, es.errors.consent];
  await expect(summary.getByRole("listitem")).toHaveText(expected);
  await expect(summary.getByRole("heading")).toHaveText(es.summaryTitle(expected.length));
  await expect(page.getByRole("group", { name: es.requesterGroup }).getByText(es.errors.requesterType)).toBeVisible();
  await expect(page.locator(".field-error").filter({ hasText: es.errors.phoneOrEmail }), "shown once for phone and email").toHaveCount(1);
  await expect(textbox(page, es.email)).toHaveAccessibleDescription(literally(es.errors.phoneOrEmail));
  await expect(firstNameInput(page, "es"), "the answer is kept").toHaveValue("Quorra");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  // No English left on the page: not in the errors, nor in the buttons.
  await expect(page.getByRole("main")).not.toContainText(/Tell us|Choose how|Please tick|Give us|Send my request|Please check/);
  expect(new URL(page.url()).pathname).toBe("/es/request");
});
