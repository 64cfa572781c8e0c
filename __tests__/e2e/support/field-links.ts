import type { Locator } from "@playwright/test";

export type SummaryLink = {
  message: string;
  targetId: string;
  targetFound: boolean;
  /** Text of the elements the target's aria-describedby points to (its own, or its fieldset's for a radio or checkbox group). */
  description: string;
  errorIdInDescription: boolean;
};

/**
 * For each link in an error summary: where it points, and what a screen reader
 * announces as the description of that control. A correct link lands on the
 * control, and the control's aria-describedby includes its error message.
 */
export async function inspectSummaryLinks(summary: Locator): Promise<SummaryLink[]> {
  return summary.getByRole("link").evaluateAll((links) =>
    links.map((link) => {
      const targetId = decodeURIComponent((link.getAttribute("href") ?? "").replace(/^#/, ""));
      const target = document.getElementById(targetId);
      const owner = target?.hasAttribute("aria-describedby") ? target : target?.closest("fieldset[aria-describedby]");
      const ids = (owner?.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
      return {
        message: (link.textContent ?? "").trim(),
        targetId,
        targetFound: target !== null,
        description: ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" "),
        errorIdInDescription: ids.some((id) => id.endsWith("-error")),
      };
    }),
  );
}
