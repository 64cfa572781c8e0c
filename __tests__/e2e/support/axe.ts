import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

type Violation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

// WCAG 2.2 A and AA, as far as axe-core can check them automatically.
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

function describe(violation: Violation): string {
  const nodes = violation.nodes.slice(0, 6).map((node) => {
    const summary = (node.failureSummary ?? "").replace(/\s*\n\s*/g, " ");
    return `    - ${node.target.join(" ")}\n      ${node.html.slice(0, 200)}\n      ${summary}`;
  });
  const more = violation.nodes.length > 6 ? [`    … and ${violation.nodes.length - 6} more`] : [];
  return [`${violation.id} (${violation.impact ?? "?"}): ${violation.help} — ${violation.helpUrl}`, ...nodes, ...more].join("\n");
}

/** Runs axe-core on the page as it is now; a soft failure listing each violation readably, so one run reports every page state. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  // Legacy mode: one axe.run in the page instead of a run per frame finished
  // in a new blank page; twice as fast here, and these pages have no frames.
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode().analyze();
  const found = results.violations.map(describe);
  expect.soft(found.length === 0 ? "" : `\n${found.join("\n\n")}\n`, `axe-core (${WCAG_TAGS.join(", ")}) on ${where}`).toBe("");
}

/**
 * The page as it is without JavaScript, in a browser that can still run axe:
 * the app's own scripts are refused, so React never hydrates and the form stays
 * the server's plain HTML form (it posts natively). axe-core cannot run with
 * JavaScript switched off altogether (it waits on timers that never fire).
 */
export async function refuseAppScripts(page: Page): Promise<void> {
  await page.route(/\/_next\/static\/.+\.js(\?.*)?$/, (route) => route.abort("blockedbyclient"));
}
