import { expect, type Page } from "@playwright/test";

/** WCAG 1.4.10 Reflow: the page never needs scrolling sideways. Soft, so a walk through states reports them all. */
export async function expectNoHorizontalScroll(page: Page, where: string): Promise<void> {
  const size = await page.evaluate(() => {
    const root = document.documentElement;
    const wide = [...document.body.querySelectorAll<HTMLElement>("*")]
      .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 1)
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(" ").join(".")}` : ""}`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
  });
  expect
    .soft(size.scrollWidth, `${where}: scrollWidth ${size.scrollWidth} > clientWidth ${size.clientWidth}; too wide: ${size.wide.join(", ")}`)
    .toBeLessThanOrEqual(size.clientWidth);
}

export type SmallTarget = { target: string; width: number; height: number };

/**
 * WCAG 2.5.8 Target Size (Minimum), for the visible links, buttons and form
 * controls inside `scope`: each is at least 24×24 CSS px, or is one of the
 * exceptions the criterion names and a script can tell apart:
 * - inline: a link inside a sentence (display inline, with other text in its block);
 * - spacing: a 24 px circle centred on it overlaps no other target, nor the
 *   circle of another undersized target.
 * Controls a person cannot reach (aria-hidden, visually hidden) are skipped.
 */
export async function smallTargets(page: Page, scope: string): Promise<SmallTarget[]> {
  return page.evaluate((selector) => {
    const MIN = 24;
    const root = document.querySelector(selector);
    if (!root) return [{ target: `(nothing matches ${selector})`, width: 0, height: 0 }];
    const describe = (element: Element) => {
      const text = (element.getAttribute("aria-label") ?? element.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
      const name = element instanceof HTMLInputElement ? `${element.type} ${element.name}=${element.value}` : text;
      return `<${element.tagName.toLowerCase()}> ${name}`;
    };
    const reachable = (element: HTMLElement) => {
      if (element.closest("[aria-hidden='true'], [hidden], .visually-hidden")) return false;
      if (element instanceof HTMLInputElement && element.type === "hidden") return false;
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return style.visibility !== "hidden" && style.display !== "none" && box.width > 0 && box.height > 0;
    };
    const targets = [...root.querySelectorAll<HTMLElement>("a[href], button, input, select, textarea, summary")].filter(reachable);
    const boxes = new Map(targets.map((element) => [element, element.getBoundingClientRect()]));
    const isInline = (element: HTMLElement) => {
      if (element.tagName !== "A" || getComputedStyle(element).display !== "inline") return false;
      let block: HTMLElement | null = element.parentElement;
      while (block && getComputedStyle(block).display === "inline") block = block.parentElement;
      const own = (element.textContent ?? "").trim().length;
      return ((block?.textContent ?? "").trim().length ?? 0) > own;
    };
    const centre = (box: DOMRect) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
    const distanceToBox = (point: { x: number; y: number }, box: DOMRect) => {
      const dx = Math.max(box.left - point.x, 0, point.x - box.right);
      const dy = Math.max(box.top - point.y, 0, point.y - box.bottom);
      return Math.hypot(dx, dy);
    };
    const undersized = targets.filter((element) => {
      const box = boxes.get(element);
      return box !== undefined && (box.width < MIN - 0.5 || box.height < MIN - 0.5);
    });
    const spaced = (element: HTMLElement) => {
      const box = boxes.get(element);
      if (!box) return false;
      const c = centre(box);
      return targets.every((other) => {
        if (other === element || other.contains(element) || element.contains(other)) return true;
        const otherBox = boxes.get(other);
        if (!otherBox) return true;
        if (distanceToBox(c, otherBox) < MIN / 2) return false;
        if (undersized.includes(other)) return Math.hypot(c.x - centre(otherBox).x, c.y - centre(otherBox).y) >= MIN;
        return true;
      });
    };
    return undersized
      .filter((element) => !isInline(element) && !spaced(element))
      .map((element) => {
        const box = boxes.get(element);
        return { target: describe(element), width: Math.round(box?.width ?? 0), height: Math.round(box?.height ?? 0) };
      });
  }, scope);
}
