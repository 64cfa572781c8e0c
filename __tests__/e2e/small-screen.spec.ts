import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { LOCALES, TEXT, type Locale } from "./support/form-text";
import { answer, chooseRequester, continueButton, continueTo, errorSummary, firstNameInput, openForm, waitForEnhancedForm } from "./support/inquiry-form";
import { SCREENSHOT_DIR } from "./support/paths";

// On a phone the header scrolls away, so "Leave this site" must stay on the
// screen by itself, without hiding what a person is reading or typing in; and
// the crisis help above the form must leave room for the form on the first screen.
const PHONE = { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true } as const;

function quickExit(page: Page, locale: Locale): Locator {
  return page.getByRole("link", { name: TEXT[locale].quickExit });
}

async function scrollToBottom(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
}

/** What (if anything) the focused element has hidden under the quick exit, once that has stuck to the top. */
async function focusedUnderQuickExit(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const exit = document.querySelector(".quick-exit");
    const focused = document.activeElement;
    if (!exit || !focused || focused === document.body || exit.contains(focused)) return null;
    const bar = exit.getBoundingClientRect();
    const box = focused.getBoundingClientRect();
    const overlaps = box.top < bar.bottom - 0.5 && box.bottom > bar.top + 0.5 && box.left < bar.right && box.right > bar.left;
    const name = (focused.getAttribute("aria-label") ?? focused.textContent ?? focused.id).trim().slice(0, 40);
    return overlaps ? `<${focused.tagName.toLowerCase()}> ${name}` : null;
  });
}

/** Tabs through the page to its end and back again (Shift+Tab scrolls upwards, under the bar), listing focused elements it covers. */
async function tabThroughBothWays(page: Page, where: string): Promise<string[]> {
  const covered: string[] = [];
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator("body").focus();
  for (const key of ["Tab", "Shift+Tab"]) {
    for (let presses = 0; presses < 60; presses += 1) {
      await page.keyboard.press(key);
      const hidden = await focusedUnderQuickExit(page);
      if (hidden) covered.push(`${where}, ${key}: ${hidden}`);
      if (await page.evaluate(() => document.activeElement === document.body)) break;
    }
  }
  return covered;
}

test.describe("on a small touch screen (320 × 640)", () => {
  test.use(PHONE);

  for (const locale of LOCALES) {
    test(`${locale}: "Leave this site" stays at the top of the screen on every page, without the Esc hint`, async ({ page }) => {
      const text = TEXT[locale];
      for (const pagePath of [text.landingPath, text.formPath, text.privacyPath]) {
        await page.goto(pagePath);
        const exit = quickExit(page, locale);
        await expect(exit, `${pagePath}: at the top`).toBeInViewport();
        await expect(exit.locator(".quick-exit-hint"), `${pagePath}: no Escape key on a touch screen`).toBeHidden();
        await scrollToBottom(page);
        await expect(exit, `${pagePath}: still there, scrolled to the end`).toBeInViewport();
        expect((await exit.boundingBox())?.y, `${pagePath}: stuck to the top edge`).toBe(0);
        expect((await exit.boundingBox())?.height ?? 0, `${pagePath}: a big target`).toBeGreaterThanOrEqual(44);
        await expectNoAxeViolations(page, `${pagePath} at 320 px on a touch screen, scrolled to the end`);
      }
    });
  }

  test("the crisis help above the form is short, with every number a link, and the form's first question is on the first screen", async ({ page }) => {
    for (const locale of LOCALES) {
      const text = TEXT[locale];
      await openForm(page, locale);
      await waitForEnhancedForm(page, locale);
      const crisis = page.getByRole("complementary", { name: text.crisisTitle });
      for (const href of ["tel:911", "tel:988", "sms:988", "tel:18006624357"]) {
        await expect(crisis.locator(`a[href="${href}"]`), `${locale}: ${href}`).toBeInViewport();
      }
      const firstAnswer = page.getByRole("group", { name: text.requesterGroup }).getByRole("radio").first();
      await expect(firstAnswer, `${locale}: the first question and its first answer are on the first screen`).toBeInViewport();
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `phone-320-${locale}-form-first-screen.png`) });
    }
  });

  test("nothing that takes focus is hidden under Leave this site (WCAG 2.4.11), on the landing page and the form", async ({ page }) => {
    await page.goto(TEXT.en.landingPath);
    const covered = await tabThroughBothWays(page, "landing");
    await openForm(page);
    await waitForEnhancedForm(page);
    await chooseRequester(page, "en", "SELF");
    await continueTo(page, "en", "person");
    await answer(page, firstNameInput(page), "Quorra");
    await continueTo(page, "en", "contact");
    await continueButton(page).click();
    await expect(errorSummary(page)).toBeFocused();
    expect(await focusedUnderQuickExit(page), "the error summary, focused").toBeNull();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `phone-320-en-contact-errors.png`) });
    await errorSummary(page).getByRole("link").first().click();
    expect(await focusedUnderQuickExit(page), "the field an error summary link leads to").toBeNull();
    covered.push(...(await tabThroughBothWays(page, "form, step 3 with errors")));
    expect(covered).toEqual([]);
  });
});

test.describe("with a mouse and keyboard", () => {
  test("the Esc hint shows, and the header lines up with the page's column", async ({ page }) => {
    for (const viewport of [{ width: 1280, height: 800 }, { width: 800, height: 600 }, { width: 320, height: 640 }]) {
      await page.setViewportSize(viewport);
      await openForm(page);
      await waitForEnhancedForm(page);
      const where = `${viewport.width} px`;
      await expect(quickExit(page, "en").locator(".quick-exit-hint"), where).toBeVisible();
      const name = await page.locator(".site-name").boundingBox();
      const heading = await page.getByRole("heading", { level: 1 }).boundingBox();
      const exit = await quickExit(page, "en").boundingBox();
      const column = await page.getByRole("main").evaluate((main) => {
        const box = main.getBoundingClientRect();
        const style = getComputedStyle(main);
        return { left: box.left + parseFloat(style.paddingLeft), right: box.right - parseFloat(style.paddingRight) };
      });
      expect(Math.abs((name?.x ?? 0) - column.left), `${where}: the clinic's name starts where the page's text does`).toBeLessThanOrEqual(1);
      expect(Math.abs((heading?.x ?? 0) - column.left), `${where}: so does the heading`).toBeLessThanOrEqual(1);
      if (viewport.width > 640) {
        expect(Math.abs((exit?.x ?? 0) + (exit?.width ?? 0) - column.right), `${where}: Leave this site ends where the text does`).toBeLessThanOrEqual(1);
      }
    }
  });
});
