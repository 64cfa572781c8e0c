import path from "node:path";

// Where the end-to-end suite keeps its files. Everything it writes lives under
// test-results/ (git-ignored); Playwright's own output goes to a subfolder so
// its clean-up at start never touches the mail or the screenshots.
export const ROOT = path.resolve(__dirname, "../../..");
export const RESULTS_DIR = path.join(ROOT, "test-results");
export const PLAYWRIGHT_OUTPUT_DIR = path.join(RESULTS_DIR, "playwright");
export const MAIL_DIR = path.join(RESULTS_DIR, "e2e-mail");
export const SCREENSHOT_DIR = path.join(RESULTS_DIR, "screenshots");
export const SERVER_LOG = path.join(RESULTS_DIR, "e2e-server.log");
