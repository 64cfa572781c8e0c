import { expect, test } from "@playwright/test";
import { makeAnswers } from "./support/answers";
import { expectNoAxeViolations, refuseAppScripts } from "./support/axe";
import { LOCALES, TEXT } from "./support/form-text";
import {
  agreeToContact,
  chooseRequester,
  continueButton,
  continueTo,
  errorSummary,
  expectConfirmation,
  fillContactStep,
  fillMoreStep,
  fillPersonStep,
  openForm,
  sendForm,
  waitForEnhancedForm,
} from "./support/inquiry-form";

// axe-core (WCAG 2.2 A/AA rules) on every page and every state of the form.
// Failures are soft: one run lists the violations of all states.

for (const locale of LOCALES) {
  const text = TEXT[locale];

  test(`${locale}: landing page and privacy notice`, async ({ page }) => {
    await page.goto(text.landingPath);
    await expect(page.getByRole("heading", { level: 1, name: text.landingHeading })).toBeVisible();
    await expectNoAxeViolations(page, `${text.landingPath} (landing)`);
    await page.goto(text.privacyPath);
    await expect(page.getByRole("heading", { level: 1, name: text.privacyHeading })).toBeVisible();
    await expectNoAxeViolations(page, `${text.privacyPath} (privacy notice)`);
  });

  test(`${locale}: each step of the guided form, error states, and the confirmation`, async ({ page }) => {
    const answers = makeAnswers();
    // English goes the long way (every error state, the urgent crisis alert);
    // Spanish checks each step once, with one error state.
    const thorough = locale === "en";
    await openForm(page, locale);
    await waitForEnhancedForm(page, locale);
    await expectNoAxeViolations(page, `${text.formPath} step 1 (who)`);

    if (thorough) {
      await continueButton(page, locale).click();
      await expect(errorSummary(page, locale)).toBeVisible();
      await expectNoAxeViolations(page, `${text.formPath} step 1 with an error`);
    }
    await chooseRequester(page, locale, "LOVED_ONE", { inCrisis: thorough });
    if (thorough) {
      await expect(page.getByRole("alert", { name: text.urgentTitle })).toBeVisible();
      await expectNoAxeViolations(page, `${text.formPath} step 1 answered, in crisis`);
    }
    await continueTo(page, locale, "person");
    await expectNoAxeViolations(page, `${text.formPath} step 2 (person, asking for someone else)`);
    if (thorough) {
      await continueButton(page, locale).click();
      await expect(errorSummary(page, locale)).toBeVisible();
      await expectNoAxeViolations(page, `${text.formPath} step 2 with four errors`);
    }
    await fillPersonStep(page, locale, answers, "LOVED_ONE");

    await continueTo(page, locale, "contact");
    if (thorough) await expectNoAxeViolations(page, `${text.formPath} step 3 (contact)`);
    await continueButton(page, locale).click();
    await expect(errorSummary(page, locale)).toBeVisible();
    await expectNoAxeViolations(page, `${text.formPath} step 3 with errors`);
    await fillContactStep(page, locale, answers);

    await continueTo(page, locale, "more");
    await expectNoAxeViolations(page, `${text.formPath} step 4 (more)`);
    await fillMoreStep(page, locale, answers);
    await continueTo(page, locale, "insurance");
    await expectNoAxeViolations(page, `${text.formPath} step 5 (insurance)`);
    await continueTo(page, locale, "review");
    await expectNoAxeViolations(page, `${text.formPath} step 6 (review)`);
    await agreeToContact(page, locale);

    await sendForm(page, locale);
    await expectConfirmation(page, locale);
    await expectNoAxeViolations(page, `${text.formPath} confirmation${thorough ? " (urgent)" : ""}`);
  });
}

test("without JavaScript: the one-page form, and the same page with the server's errors", async ({ page }) => {
  await refuseAppScripts(page);
  for (const locale of LOCALES) {
    await openForm(page, locale);
    await expect(page.getByRole("group", { name: TEXT[locale].referralGroupNoScript }), "the form is not hydrated").toBeVisible();
    await expectNoAxeViolations(page, `${TEXT[locale].formPath} without JavaScript`);
  }
  await sendForm(page, "es");
  await expect(errorSummary(page, "es")).toBeVisible();
  await expect(page.getByRole("group", { name: TEXT.es.referralGroupNoScript }), "the server's answer is not hydrated either").toBeVisible();
  await expectNoAxeViolations(page, `${TEXT.es.formPath} without JavaScript, with errors`);
});
