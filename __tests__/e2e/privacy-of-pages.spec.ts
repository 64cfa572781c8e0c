import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectNoneOf, makeAnswers, sensitiveValues } from "./support/answers";
import { LOCALES, TEXT } from "./support/form-text";
import { completeGuidedForm, expectConfirmation, sendForm, waitForEnhancedForm } from "./support/inquiry-form";
import { theOneNotificationAbout } from "./support/mailbox";
import { SERVER_LOG } from "./support/paths";
import { e2eSettings } from "./support/settings";

function parsePolicy(header: string): Map<string, string[]> {
  return new Map(
    header
      .split(";")
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name = "", ...values]) => [name.toLowerCase(), values]),
  );
}

const PAGES = LOCALES.flatMap((locale) => [TEXT[locale].landingPath, TEXT[locale].formPath, TEXT[locale].privacyPath]);
const FORM_PAGES = LOCALES.map((locale) => TEXT[locale].formPath);

test("the pages and a submission talk to no one but the app itself, and nothing typed reaches a URL or the server log", async ({ page }) => {
  const origin = new URL(e2eSettings().baseUrl).origin;
  const answers = makeAnswers();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));

  // The way people arrive: the landing page, the privacy notice, then the form.
  await page.goto(TEXT.en.landingPath);
  await page.goto(TEXT.en.privacyPath);
  await page.goto(TEXT.en.landingPath);
  await page.getByRole("link", { name: TEXT.en.landingHeading }).first().click();
  await waitForEnhancedForm(page);
  await completeGuidedForm(page, { answers });
  await sendForm(page);
  const code = await expectConfirmation(page);

  const network = requests.filter((url) => !url.startsWith("data:") && !url.startsWith("blob:"));
  expect(network.length, "requests made by the pages").toBeGreaterThan(3);
  expect(network.filter((url) => new URL(url).origin !== origin), "requests to other origins").toEqual([]);
  expectNoneOf(network.map(decodeURIComponent).join("\n"), sensitiveValues(answers), "request URLs");
  expect(problems, "console errors (a Content-Security-Policy violation shows up here)").toEqual([]);

  // The server has logged the submission and the notification by now.
  await theOneNotificationAbout(code);
  expectNoneOf(await readFile(SERVER_LOG, "utf8"), sensitiveValues(answers), "the server log");
});

test("every public page is sent with a nonce-based Content-Security-Policy and Referrer-Policy same-origin; the form pages are never cached", async ({ request }) => {
  for (const path of PAGES) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), `GET ${path}`).toBe(200);
    const headers = response.headers();
    const header = headers["content-security-policy"] ?? "";
    const policy = parsePolicy(header);
    const scriptSrc = policy.get("script-src") ?? policy.get("default-src") ?? [];
    expect(scriptSrc, `${path} script-src`).toEqual(expect.arrayContaining([expect.stringMatching(/^'nonce-[A-Za-z0-9+/_=-]{16,}'$/)]));
    expect(scriptSrc, `${path} script-src`).not.toContain("'unsafe-inline'");
    expect(scriptSrc, `${path} script-src`).not.toContain("'unsafe-eval'");
    expect(scriptSrc.filter((source) => /^(https?:|\*|[a-z0-9-]+\.[a-z])/i.test(source)), `${path} script hosts`).toEqual([]);
    for (const directive of ["default-src", "connect-src", "img-src", "font-src", "style-src"]) {
      expect(policy.get(directive)?.filter((source) => /^(https?:|\*|[a-z0-9-]+\.[a-z])/i.test(source)), `${path} ${directive}: no other hosts`).toEqual([]);
    }
    expect(policy.get("object-src"), path).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors"), path).toEqual(["'none'"]);
    expect(policy.get("form-action"), path).toEqual(["'self'"]);
    // Confidentiality rule 5: nothing we link to or load learns this page's
    // URL. "same-origin" sends no Referer to any other origin, and unlike
    // "no-referrer" lets a form post without JavaScript carry a real Origin
    // header, which Next.js requires of a Server Action.
    expect(headers["referrer-policy"], `${path} Referrer-Policy`).toBe("same-origin");
    const body = await response.text();
    expect(body, `${path} <meta name="referrer">`).toMatch(/<meta name="referrer" content="same-origin"\/?>/);
    expect(body, `${path} is kept out of search engines`).toMatch(/<meta name="robots" content="noindex, ?nofollow"\/?>/);
    // Next.js puts the nonce on its own scripts, and every response gets a new one.
    const nonce = /'nonce-([^']+)'/.exec(header)?.[1] ?? "";
    expect(body, `${path} scripts carry the nonce`).toContain(`nonce="${nonce}"`);
    const again = await request.get(path);
    expect(again.headers()["content-security-policy"], `${path}: a new nonce per response`).not.toContain(nonce);
    if (FORM_PAGES.includes(path)) expect(headers["cache-control"], `${path} Cache-Control`).toContain("no-store");
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the privacy notice the consent refers to exists, in the language of the form", async ({ page }) => {
    for (const locale of LOCALES) {
      const text = TEXT[locale];
      await page.goto(text.formPath);
      const link = page.getByRole("checkbox", { name: text.consent }).locator("..").getByRole("link", { name: text.privacyLink });
      await expect(link).toHaveAttribute("href", text.privacyPath);
      await link.click();
      await expect(page).toHaveURL(new RegExp(`${text.privacyPath}$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.privacyHeading);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      // The title says what the page is, nothing about anyone's request.
      await expect(page).toHaveTitle(text.privacyHeading);
    }
  });
});
