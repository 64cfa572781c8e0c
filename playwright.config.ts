import { defineConfig } from "@playwright/test";
import { PLAYWRIGHT_OUTPUT_DIR } from "./__tests__/e2e/support/paths";
import { SETTING_NAMES } from "./__tests__/e2e/support/settings";

// End-to-end suite: real Chromium against the production build (`npm start`),
// a real PostgreSQL and a real SMTP server, all started by the global setup.
// Run with `npm run test:e2e` (the global setup builds when the sources changed). Playwright cannot download
// browsers here: it drives the system Chromium (Debian's `chromium` package).
const isCI = Boolean(process.env.CI);

export default defineConfig({
  testDir: "./__tests__/e2e",
  testMatch: "**/*.spec.ts",
  outputDir: PLAYWRIGHT_OUTPUT_DIR,
  globalSetup: "./__tests__/e2e/support/global-setup.ts",
  // One app server and one database for the run; two cores: one worker.
  workers: 1,
  fullyParallel: false,
  retries: isCI ? 1 : 0,
  forbidOnly: isCI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Bounds the whole run, including a build the global setup may have to do.
  globalTimeout: 35 * 60_000,
  reporter: "list",
  use: {
    // Global setup picks the port and sets this; workers load this file again
    // after it has run, so they see the value.
    baseURL: process.env[SETTING_NAMES.baseUrl],
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.E2E_CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    },
    locale: "en-US",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [{ name: "chromium" }],
});
