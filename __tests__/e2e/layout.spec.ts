import { expect, test, type Page } from "@playwright/test";
import { makeAnswers } from "./support/answers";
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
import { expectNoHorizontalScroll, smallTargets } from "./support/layout";

// WCAG 1.4.10 Reflow and 1.4.4 Resize text: at 320 CSS px wide, and at 1280 px
// zoomed to 200 % (which lays the page out in a 640 CSS px wide viewport),
// nothing needs scrolling sideways. WCAG 2.5.8: targets are big enough. Each
// state of the page is checked at both widths.
const WIDTHS = [
  { name: "320 px", viewport: { width: 320, height: 640 } },
  { name: "1280 px at 200 %", viewport: { width: 640, height: 450 } },
] as const;

async function checkLayout(page: Page, where: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize(width.viewport);
    await expectNoHorizontalScroll(page, `${where} at ${width.name}`);
    expect.soft(await smallTargets(page, "main"), `${where} at ${width.name}: targets under 24×24 px that are neither inline nor well spaced`).toEqual([]);
  }
}

for (const locale of LOCALES) {
  test(`${locale}: landing page, privacy notice, every form step and the confirmation fit 320 px and 200 % zoom, with targets big enough`, async ({ page }) => {
    const text = TEXT[locale];
    const answers = makeAnswers();
    await page.goto(text.landingPath);
    await checkLayout(page, `${locale} landing`);
    await page.goto(text.privacyPath);
    await checkLayout(page, `${locale} privacy notice`);

    await openForm(page, locale);
    await waitForEnhancedForm(page, locale);
    await checkLayout(page, `${locale} step 1`);
    await continueButton(page, locale).click();
    await expect(errorSummary(page, locale)).toBeVisible();
    await checkLayout(page, `${locale} step 1 with an error`);
    await chooseRequester(page, locale, "PROFESSIONAL", { inCrisis: true });
    await checkLayout(page, `${locale} step 1, in crisis`);
    await continueTo(page, locale, "person");
    await checkLayout(page, `${locale} step 2`);
    await fillPersonStep(page, locale, answers, "PROFESSIONAL");
    await continueTo(page, locale, "contact");
    await checkLayout(page, `${locale} step 3`);
    await fillContactStep(page, locale, answers);
    await continueTo(page, locale, "more");
    await checkLayout(page, `${locale} step 4`);
    await fillMoreStep(page, locale, answers);
    await continueTo(page, locale, "insurance");
    await continueTo(page, locale, "review");
    await checkLayout(page, `${locale} step 6 (review)`);
    await agreeToContact(page, locale);
    await sendForm(page, locale);
    await expectConfirmation(page, locale);
    await checkLayout(page, `${locale} confirmation`);
  });
}

test.describe("prefers-reduced-motion: reduce", () => {
  test.use({ reducedMotion: "reduce" });

  test("nothing moves: no transitions or animations on the controls, and none running between steps", async ({ page }) => {
    const moving = () =>
      page.evaluate(() => {
        const timed = (value: string) => value.split(",").some((part) => parseFloat(part) > 0);
        const controls = [...document.querySelectorAll<HTMLElement>("a, button, input, select, textarea, [role=alert], .crisis")];
        const styled = controls
          .filter((element) => {
            const style = getComputedStyle(element);
            return timed(style.transitionDuration) || timed(style.animationDuration);
          })
          .map((element) => `<${element.tagName.toLowerCase()}> ${(element.textContent ?? "").trim().slice(0, 30)}`);
        const running = document.getAnimations().map((animation) => `${animation.constructor.name} ${animation.playState}`);
        return { styled, running, scrollBehavior: getComputedStyle(document.documentElement).scrollBehavior };
      });
    const nothingMoves = { styled: [], running: [], scrollBehavior: "auto" };

    await page.goto(TEXT.en.landingPath);
    expect(await moving(), "landing page").toEqual(nothingMoves);
    await openForm(page);
    await waitForEnhancedForm(page);
    expect(await moving(), "form, step 1").toEqual(nothingMoves);
    await continueButton(page).click();
    await expect(errorSummary(page)).toBeVisible();
    await chooseRequester(page, "en", "SELF", { inCrisis: true });
    expect(await moving(), "form, step 1 with an error and the crisis block emphasised").toEqual(nothingMoves);
    await continueTo(page, "en", "person");
    expect(await moving(), "form, step 2").toEqual(nothingMoves);
    await expect(page.getByRole("button", { name: TEXT.en.continue })).toHaveCSS("transition-duration", "0s");
    await expect(page.getByRole("button", { name: TEXT.en.continue })).toHaveCSS("animation-duration", "0s");
  });
});
