import { expect, type Locator, type Page } from "@playwright/test";
import type { Answers } from "./answers";
import { literally, STEP_IDS, TEXT, type Locale, type RequesterType, type StepId } from "./form-text";

// Drives the public inquiry form the way a person does: by labels and roles,
// in either language. With JavaScript the form is a guided flow of six steps;
// without it, one page with every question (see submit-without-javascript.spec.ts).

const MIN_FILL_MS = 1_100; // FORM_MIN_FILL_SECONDS is 1 (global-setup.ts), plus a margin.

export async function openForm(page: Page, locale: Locale = "en"): Promise<void> {
  await page.goto(TEXT[locale].formPath);
  await expect(page.getByRole("heading", { level: 1, name: TEXT[locale].formHeading })).toBeVisible();
}

export function progress(page: Page, locale: Locale, step: number): Locator {
  return page.getByText(TEXT[locale].progress(step), { exact: true });
}

/**
 * Only the hydrated form shows "Step 1 of 6" (without JavaScript every step is
 * on one page); once it does, clicks are handled by react-hook-form.
 */
export async function waitForEnhancedForm(page: Page, locale: Locale = "en"): Promise<void> {
  await expect(progress(page, locale, 1)).toBeVisible();
}

export function stepHeading(page: Page, locale: Locale, step: StepId): Locator {
  return page.getByRole("heading", { level: 2, name: TEXT[locale].steps[step], exact: true });
}

export function continueButton(page: Page, locale: Locale = "en"): Locator {
  return page.getByRole("button", { name: TEXT[locale].continue, exact: true });
}

export function sendButton(page: Page, locale: Locale = "en"): Locator {
  return page.getByRole("button", { name: TEXT[locale].send, exact: true });
}

/** Clicks Continue and waits for `step`, whose heading takes focus so a screen reader announces it. */
export async function continueTo(page: Page, locale: Locale, step: StepId): Promise<void> {
  await continueButton(page, locale).click();
  await expectStep(page, locale, step);
}

export async function expectStep(page: Page, locale: Locale, step: StepId): Promise<void> {
  await expect(stepHeading(page, locale, step), `the heading of step "${step}" takes focus`).toBeFocused();
  await expect(progress(page, locale, STEP_IDS.indexOf(step) + 1)).toBeVisible();
}

export function firstNameInput(page: Page, locale: Locale = "en"): Locator {
  return page.getByRole("textbox", { name: TEXT[locale].firstName });
}

export function textbox(page: Page, name: string | RegExp): Locator {
  return page.getByRole("textbox", { name, exact: typeof name === "string" ? true : undefined });
}

/** Lets the page finish what an interaction set off (validation, re-render): two animation frames. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/**
 * Answers a question the way a person finishes with it: the field loses focus,
 * and the page settles before anything else is clicked. The form revalidates a
 * corrected field on blur and the error summary above it shrinks, moving
 * everything below; without this, the next click lands where its target used
 * to be (the bug shown by "the first click after correcting an answer is not
 * lost" in submit-with-javascript.spec.ts).
 */
export async function answer(page: Page, field: Locator, value: string | true): Promise<void> {
  if (value === true) await field.check();
  else await field.fill(value);
  await field.blur();
  await settle(page);
}

export async function chooseRequester(page: Page, locale: Locale, requester: RequesterType, options: { inCrisis?: boolean } = {}): Promise<void> {
  await answer(page, page.getByRole("radio", { name: TEXT[locale].requester[requester], exact: true }), true);
  if (options.inCrisis) await answer(page, page.getByRole("checkbox", { name: TEXT[locale].inCrisis }), true);
}

export async function fillPersonStep(page: Page, locale: Locale, answers: Answers, requester: RequesterType): Promise<void> {
  const text = TEXT[locale];
  await answer(page, firstNameInput(page, locale), answers.firstName);
  if (requester === "SELF") return;
  await answer(page, textbox(page, text.referrerName), answers.referrerName);
  await answer(page, textbox(page, text.referrerRelationship), answers.referrerRelationship);
  await answer(page, page.getByRole("group", { name: text.personAwareGroup }).getByRole("radio", { name: text.personAwareNo, exact: true }), true);
}

export async function fillContactStep(page: Page, locale: Locale, answers: Answers): Promise<void> {
  const text = TEXT[locale];
  await answer(page, textbox(page, text.phone), answers.phone);
  await answer(page, textbox(page, text.email), answers.email);
  await answer(page, page.getByRole("radio", { name: text.phoneCall, exact: true }), true);
  await answer(page, page.getByRole("checkbox", { name: text.evening, exact: true }), true);
}

export async function fillMoreStep(page: Page, locale: Locale, answers: Answers): Promise<void> {
  const text = TEXT[locale];
  await page.getByRole("combobox", { name: text.heardAbout }).selectOption({ label: text.friendOrFamily });
  await answer(page, textbox(page, text.message), answers.message);
}

export function consentCheckbox(page: Page, locale: Locale = "en"): Locator {
  return page.getByRole("checkbox", { name: TEXT[locale].consent });
}

export async function agreeToContact(page: Page, locale: Locale = "en"): Promise<void> {
  await answer(page, consentCheckbox(page, locale), true);
}

export type GuidedRequest = { answers: Answers; locale?: Locale; requester?: RequesterType; inCrisis?: boolean };

/**
 * From step 1 of the hydrated form to the review step, answering every
 * question, and ticks the consent box there. Each Continue must land on the
 * next step with its heading focused.
 */
export async function completeGuidedForm(page: Page, request: GuidedRequest): Promise<void> {
  const { answers, locale = "en", requester = "SELF" } = request;
  await chooseRequester(page, locale, requester, { inCrisis: request.inCrisis });
  await continueTo(page, locale, "person");
  await fillPersonStep(page, locale, answers, requester);
  await continueTo(page, locale, "contact");
  await fillContactStep(page, locale, answers);
  await continueTo(page, locale, "more");
  await fillMoreStep(page, locale, answers);
  // The insurance step is optional (issue 12): left unanswered here.
  await continueTo(page, locale, "insurance");
  await continueTo(page, locale, "review");
  await agreeToContact(page, locale);
}

/**
 * Sends the form once it is old enough for the server's minimum fill time,
 * read from the form token itself ("<issuedAtMs>.<nonce>.<mac>"), so it also
 * holds for a page the server has just re-rendered with a new token.
 */
export async function sendForm(page: Page, locale: Locale = "en"): Promise<void> {
  await waitForMinimumFillTime(page);
  await sendButton(page, locale).click();
}

export async function waitForMinimumFillTime(page: Page): Promise<void> {
  const token = (await page.locator('input[name="formToken"]').getAttribute("value")) ?? "";
  const issuedAt = Number(token.split(".")[0]);
  expect(Number.isFinite(issuedAt) && issuedAt > 0, "the form carries a form token").toBe(true);
  const wait = issuedAt + MIN_FILL_MS - Date.now();
  if (wait > 0) await page.waitForTimeout(wait);
}

export function confirmationHeading(page: Page, locale: Locale = "en"): Locator {
  return page.getByRole("heading", { level: 1, name: TEXT[locale].confirmationHeading });
}

/** The confirmation replaces the form in place: it is what <main> holds once sent. */
export function confirmation(page: Page, locale: Locale = "en"): Locator {
  return page.getByRole("main").filter({ has: confirmationHeading(page, locale) });
}

export function urgentCrisisBlock(page: Page, locale: Locale = "en"): Locator {
  return page.getByRole("alert", { name: TEXT[locale].urgentTitle });
}

/**
 * Waits for the confirmation and returns the reference code it shows. If the
 * page answers with alerts instead (error summary, "could not send"), fails
 * quoting them rather than waiting out the timeout.
 */
export async function expectConfirmation(page: Page, locale: Locale = "en"): Promise<string> {
  // With text: Next.js's route announcer is an (empty) alert on every page;
  // and the emphasised crisis block is an alert that is no sign of failure.
  const problems = page
    .getByRole("alert")
    .filter({ hasText: /\S/ })
    .filter({ hasNot: page.getByRole("heading", { name: TEXT[locale].urgentTitle }) });
  await expect(confirmationHeading(page, locale).or(problems).first()).toBeVisible({ timeout: 20_000 });
  if (!(await confirmationHeading(page, locale).isVisible())) {
    expect(await problems.allInnerTexts(), "instead of a confirmation, the page shows these alerts").toEqual([]);
  }
  await expect(confirmation(page, locale)).toBeVisible();
  const text = await confirmation(page, locale).innerText();
  const code = TEXT[locale].referenceCode.exec(text)?.[1] ?? "";
  expect(code, `reference code on the confirmation:\n${text}`).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  return code;
}

export function errorSummary(page: Page, locale: Locale = "en"): Locator {
  return page.getByRole("alert").filter({ has: page.getByRole("heading", { name: TEXT[locale].summaryHeading }) });
}

/** The review step's "Change" button for the question labelled `label` (its name: "Change: <label>"). */
export function changeButton(page: Page, locale: Locale, label: string): Locator {
  return page.getByRole("button", { name: new RegExp(`^${TEXT[locale].change}\\W+${literally(label).source}$`) });
}

/** The answer the review step shows for the question labelled `label`. */
export function reviewAnswer(page: Page, label: string | RegExp): Locator {
  return page.locator(".review-row").filter({ has: page.getByRole("term").filter({ hasText: label }) }).getByRole("definition");
}
