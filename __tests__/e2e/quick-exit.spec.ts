import { expect, test, type Page, type Request } from "@playwright/test";
import { TEXT } from "./support/form-text";
import { answer, chooseRequester, continueTo, firstNameInput, waitForEnhancedForm } from "./support/inquiry-form";
import { e2eSettings } from "./support/settings";

// "Leave this site" (components/site/QuickExit.tsx) replaces the page with a
// neutral one, so that Back does not return to the form. The neutral site is
// never really fetched: the browser's request is answered here, and anything
// else outside the app is refused.
const NEUTRAL = "https://www.bbc.co.uk/weather";

async function interceptTheOutsideWorld(page: Page): Promise<Request[]> {
  const origin = new URL(e2eSettings().baseUrl).origin;
  const neutral: Request[] = [];
  await page.route((url) => url.origin !== origin && /^https?:$/.test(url.protocol), (route) => route.abort("blockedbyclient"));
  await page.route("https://www.bbc.co.uk/**", (route) => {
    neutral.push(route.request());
    return route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>Weather</title><p>neutral</p>" });
  });
  return neutral;
}

/** From the landing page to the form (the way people arrive), with a first answer given. */
async function startARequest(page: Page, locale: "en" | "es"): Promise<void> {
  const text = TEXT[locale];
  await page.goto(text.landingPath);
  await page.getByRole("link", { name: text.landingHeading }).first().click();
  await expect(page).toHaveURL(new RegExp(`${text.formPath}$`));
  await waitForEnhancedForm(page, locale);
  await chooseRequester(page, locale, "SELF");
  await continueTo(page, locale, "person");
  await answer(page, firstNameInput(page, locale), "Quorra");
}

async function expectLeftWithoutTrace(page: Page, neutral: Request[], formPath: string): Promise<void> {
  await expect(page).toHaveURL(NEUTRAL);
  await expect(page.locator("body")).toHaveText("neutral");
  expect(neutral, "the neutral site was asked for once").toHaveLength(1);
  expect(await neutral[0]?.headerValue("referer"), "the neutral site is not told where the person came from").toBeNull();

  await page.goBack();
  const back = new URL(page.url());
  expect(back.pathname, "Back does not return to the form").not.toBe(formPath);
  await expect(page.getByRole("textbox")).toHaveCount(0);
  expect(`${back.origin}${back.pathname}`, "Back goes to the page before the form").toBe(`${new URL(e2eSettings().baseUrl).origin}${formPath.replace(/\/request$/, "") || "/"}`);
  await page.goForward();
  await expect(page, "and Forward to the neutral site, not the form").toHaveURL(NEUTRAL);
}

test("the Leave this site button replaces the form with a neutral site, and Back does not return to it", async ({ page }) => {
  const neutral = await interceptTheOutsideWorld(page);
  await startARequest(page, "en");
  await page.getByRole("link", { name: TEXT.en.quickExit }).click();
  await expectLeftWithoutTrace(page, neutral, TEXT.en.formPath);
});

test("Escape pressed three times leaves too (twice does not), in Spanish as well", async ({ page }) => {
  const neutral = await interceptTheOutsideWorld(page);
  await startARequest(page, "es");
  await expect(page.getByRole("link", { name: TEXT.es.quickExit })).toContainText("Esc");

  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  await page.waitForTimeout(300);
  expect(neutral, "two presses are not enough").toHaveLength(0);
  await expect(firstNameInput(page, "es")).toHaveValue("Quorra");

  // Wherever focus is, a text box included.
  await firstNameInput(page, "es").focus();
  await page.keyboard.press("Escape");
  await expectLeftWithoutTrace(page, neutral, TEXT.es.formPath);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });

  test("scrolled to the end of the form, Leave this site is still on screen to tap, and leaves the same way", async ({ page }) => {
    const neutral = await interceptTheOutsideWorld(page);
    await startARequest(page, "en");
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const exit = page.getByRole("link", { name: TEXT.en.quickExit });
    await expect(exit).toBeInViewport();
    await exit.tap();
    await expectLeftWithoutTrace(page, neutral, TEXT.en.formPath);
  });
});
