import path from "node:path";
import { expect, test } from "@playwright/test";
import { makeAnswers } from "./support/answers";
import { LOCALES, TEXT } from "./support/form-text";
import {
  answer,
  chooseRequester,
  completeGuidedForm,
  continueButton,
  continueTo,
  errorSummary,
  expectConfirmation,
  firstNameInput,
  openForm,
  sendForm,
  waitForEnhancedForm,
} from "./support/inquiry-form";
import { SCREENSHOT_DIR } from "./support/paths";

// Artifacts for people to look at (test-results/screenshots), not visual
// regression baselines: full-page captures of each state on a phone and a desktop.
const LAYOUTS = [
  { name: "mobile", viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true },
  { name: "desktop", viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false },
] as const;

for (const layout of LAYOUTS) {
  test.describe(`${layout.name} layout`, () => {
    test.use({ viewport: layout.viewport, isMobile: layout.isMobile, hasTouch: layout.hasTouch });

    for (const locale of LOCALES) {
      test(`${locale} screenshots (${layout.viewport.width}x${layout.viewport.height}): landing, empty form, errors, review, confirmation`, async ({ page }) => {
        const text = TEXT[locale];
        const shot = (state: string) =>
          page.screenshot({ path: path.join(SCREENSHOT_DIR, `${layout.name}-${locale}-${state}.png`), fullPage: true, animations: "disabled" });
        await page.goto(text.landingPath);
        await shot("1-landing");

        await openForm(page, locale);
        await waitForEnhancedForm(page, locale);
        await shot("2-empty-form");

        // The errors of the step with the most to say about them: step 3 ("how we can reach you").
        await chooseRequester(page, locale, "SELF");
        await continueTo(page, locale, "person");
        await answer(page, firstNameInput(page, locale), "Quorra");
        await continueTo(page, locale, "contact");
        await continueButton(page, locale).click();
        await expect(errorSummary(page, locale)).toBeVisible();
        await shot("3-errors");

        await openForm(page, locale);
        await waitForEnhancedForm(page, locale);
        await completeGuidedForm(page, { answers: makeAnswers(), locale, requester: "LOVED_ONE" });
        await shot("4-review");

        await sendForm(page, locale);
        await expectConfirmation(page, locale);
        await shot("5-confirmation");
      });
    }
  });
}
