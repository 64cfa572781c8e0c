import { readFile } from "node:fs/promises";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations, refuseAppScripts } from "./support/axe";
import { e2eSettings } from "./support/settings";
import { withStaffDb } from "./support/staff/staff-database";
import { submitTestInquiry, type TestInquiry } from "./support/staff/test-inquiry";
import { createTriageTeam, type TriageTeam } from "./support/staff/triage-team";

// Issue 13 in the browser: the webhooks and embed admin pages and the EHR
// hand-off panel, by keyboard, without JavaScript where it matters, and
// axe-clean (WCAG 2.2 A/AA).
let team: TriageTeam;
let inquiry: TestInquiry;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  team = await createTriageTeam(browser, "hooks");
  inquiry = await submitTestInquiry();
});

async function pageAs(browser: Browser, who: "admin" | "coordinator", options: { javaScript?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: e2eSettings().baseUrl, storageState: team[who].storageState, acceptDownloads: true });
  const page = await context.newPage();
  if (options.javaScript === false) await refuseAppScripts(page);
  return page;
}

test("an admin adds a webhook endpoint by keyboard, sees its secret once, and the page stays axe-clean", async ({ browser }) => {
  const page = await pageAs(browser, "admin");
  await page.goto("/staff/admin/webhooks");
  await expectNoAxeViolations(page, "webhooks (empty)");

  // Production: plain http is refused, field by field.
  await page.getByLabel("Name").fill("Team chat");
  await page.getByLabel("Receiver address (https://…)").fill("http://receiver.example.org/hook");
  await page.getByLabel("Urgent inquiry received").check();
  await page.getByRole("button", { name: "Add endpoint" }).press("Enter");
  await expect(page.getByText("The address must start with https://")).toBeVisible();
  await expectNoAxeViolations(page, "webhooks (refused address)");

  await page.getByLabel("Receiver address (https://…)").fill("https://hooks.slack.example/services/T000/B000/secret");
  await page.getByLabel("Slack incoming webhook").check();
  await page.getByRole("button", { name: "Add endpoint" }).focus();
  await page.keyboard.press("Enter");
  const secret = page.locator(".webhook-secret");
  await expect(secret).toHaveText(/^whsec_[A-Za-z0-9+/=]{40,}$/);
  const shown = await secret.textContent();
  await expectNoAxeViolations(page, "webhooks (secret shown)");

  await page.reload();
  await expect(page.getByRole("heading", { name: "Team chat" })).toBeVisible();
  await expect(page.getByText("https://hooks.slack.example/…")).toBeVisible();
  const html = await page.content();
  expect(html).not.toContain(shown ?? "whsec_");
  expect(html).not.toContain("/services/T000/B000/secret");
  await expectNoAxeViolations(page, "webhooks (one endpoint)");
});

test("the add-endpoint form works without JavaScript", async ({ browser }) => {
  const page = await pageAs(browser, "admin", { javaScript: false });
  await page.goto("/staff/admin/webhooks");
  await page.getByLabel("Name").fill("No-script receiver");
  await page.getByLabel("Receiver address (https://…)").fill("https://receiver.example.org/hook");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByText("Choose at least one event.")).toBeVisible();
  const stored = await withStaffDb(async (client) => (await client.query(`SELECT 1 FROM "WebhookEndpoint" WHERE "name" = 'No-script receiver'`)).rowCount);
  expect(stored).toBe(0);
});

test("the embed page offers both languages' snippets, framing off, and is axe-clean", async ({ browser }) => {
  const page = await pageAs(browser, "admin");
  await page.goto("/staff/admin/embed");
  await expect(page.locator("pre.snippet")).toHaveCount(2);
  await expect(page.locator("pre.snippet").nth(1)).toContainText("/es/request");
  await expect(page.getByText("Framing is off (the default)")).toBeVisible();
  await expectNoAxeViolations(page, "embed");
  const response = await page.request.get("/request");
  expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});

test("a coordinator records the disclosure consent, then downloads the validated FHIR record over the session", async ({ browser }) => {
  const page = await pageAs(browser, "coordinator");
  await page.goto(`/staff/inquiries/${inquiry.id}`);
  const panel = page.getByRole("region", { name: "Hand-off to the treatment provider's record system" });
  await expect(panel.getByText("No consent to disclose is recorded.")).toBeVisible();
  await expect(panel.getByRole("button", { name: "Download the FHIR record" })).toHaveCount(0);

  await panel.getByLabel("Treatment provider and record system").fill("Lakeside Community Health (Epic)");
  await panel.getByLabel("agreed to the disclosure").check();
  await panel.getByRole("button", { name: "Record the person's decision" }).press("Enter");
  await expect(panel.getByText("Consent to disclose recorded.")).toBeVisible();
  await expectNoAxeViolations(page, "detail page with the hand-off panel");

  // Admitted (set directly: the stage workflow has its own specs).
  await withStaffDb((client) => client.query(`UPDATE "Inquiry" SET "status" = 'ADMITTED' WHERE "id" = $1`, [inquiry.id]));
  await page.reload();
  const downloading = page.waitForEvent("download");
  await panel.getByRole("button", { name: "Download the FHIR record" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`handoff-${inquiry.referenceCode}.fhir.json`);
  expect(download.url()).not.toContain(inquiry.id);
  const bundle = JSON.parse(await readFile((await download.path()) ?? "", "utf8")) as { resourceType: string; entry: { resource: { resourceType: string } }[] };
  expect(bundle.resourceType).toBe("Bundle");
  expect(bundle.entry.map((e) => e.resource.resourceType)).toContain("Patient");
  const audits = await withStaffDb(
    async (client) => (await client.query(`SELECT 1 FROM "AuditEvent" WHERE "action" = 'inquiry.fhir_exported' AND "inquiryId" = $1`, [inquiry.id])).rowCount,
  );
  expect(audits).toBe(1);
});
