import { expect, type ElementHandle, type Locator, type Page } from "@playwright/test";

export type FocusState = { description: string; visible: boolean; indicator: string; isTarget: boolean };

/**
 * What has focus, whether a sighted keyboard user can see that it has (WCAG
 * 2.4.7: an outline or a box-shadow, on screen), and whether it is `target`.
 * One round trip to the page, as it runs after every key press.
 */
export async function focusState(page: Page, target?: ElementHandle<Node>): Promise<FocusState> {
  return page.evaluate((wanted) => {
    const element = document.activeElement;
    if (!element || element === document.body) return { description: "(body)", visible: false, indicator: "nothing focused", isTarget: false };
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 1 ? `outline ${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}` : "";
    const shadow = style.boxShadow !== "none" ? `box-shadow ${style.boxShadow}` : "";
    const name = (element.getAttribute("aria-label") ?? element.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 50);
    const description = `<${element.tagName.toLowerCase()}${element.id ? ` id=${element.id}` : ""}${element instanceof HTMLInputElement ? ` type=${element.type} value=${element.value}` : ""}> ${name}`;
    const onScreen = box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth;
    return { description, visible: Boolean(outline || shadow) && onScreen, indicator: outline || shadow || "no outline, no box-shadow", isTarget: element === wanted };
  }, target);
}

export async function expectFocusVisible(page: Page, after: string, target?: ElementHandle<Node>): Promise<FocusState> {
  const state = await focusState(page, target);
  expect(state.visible, `after ${after}, focus on ${state.description} is visible (${state.indicator})`).toBe(true);
  return state;
}

/** Presses `key` and checks that wherever focus lands is visibly focused. */
export async function press(page: Page, key: string): Promise<FocusState> {
  await page.keyboard.press(key);
  return expectFocusVisible(page, key);
}

/**
 * Tabs (or Shift+Tabs) until `target` has focus, checking at every stop that
 * the focus is visible. Fails after `max` presses, saying where focus went.
 */
export async function tabTo(page: Page, target: Locator, options: { backwards?: boolean; max?: number } = {}): Promise<number> {
  const key = options.backwards ? "Shift+Tab" : "Tab";
  const max = options.max ?? 40;
  const handle = await target.elementHandle();
  if (!handle) throw new Error(`tabTo: ${target.toString()} is not on the page`);
  const path: string[] = [];
  try {
    for (let presses = 1; presses <= max; presses += 1) {
      await page.keyboard.press(key);
      const state = await expectFocusVisible(page, key, handle);
      path.push(state.description);
      if (state.isTarget) return presses;
    }
  } finally {
    await handle.dispose();
  }
  throw new Error(`${key} ×${max} never reached ${target.toString()}; focus went: ${path.join(" → ")}`);
}
