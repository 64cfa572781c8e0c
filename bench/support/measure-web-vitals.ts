import { chromium, type Browser } from "playwright-core";

export type WebVitals = { route: string; loads: { lcpMs: number; cls: number; fcpMs: number }[]; lcpMs: number; cls: number; fcpMs: number };

type Conditions = {
  cpuThrottlingRate: number;
  network: { latency: number; downloadThroughput: number; uploadThroughput: number };
};

// Read in the page after it has loaded. A string, not a function: tsx would
// compile a function with helpers (__name) that do not exist in the page.
// CLS here is the sum of every shift without recent input, which for a single
// page load is never less than the "largest session window" definition.
const READ_VITALS = `new Promise((resolve) => {
  let lcp = 0, cls = 0, fcp = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) lcp = e.startTime; })
    .observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) cls += e.value; })
    .observe({ type: "layout-shift", buffered: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.name === "first-contentful-paint") fcp = e.startTime; })
    .observe({ type: "paint", buffered: true });
  setTimeout(() => resolve({ lcpMs: lcp, cls, fcpMs: fcp }), 200);
})`;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function loadOnce(browser: Browser, url: string, conditions: Conditions) {
  // A new context each time: an empty cache, as on a first visit.
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1, locale: "en-US" });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, ...conditions.network });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: conditions.cpuThrottlingRate });
    const response = await page.goto(url, { waitUntil: "load", timeout: 60_000 });
    if (response?.status() !== 200) throw new Error(`${url} answered ${response?.status()}`);
    // LCP may still change shortly after load (late text or images).
    await page.waitForTimeout(1000);
    return (await page.evaluate(READ_VITALS)) as { lcpMs: number; cls: number; fcpMs: number };
  } finally {
    await context.close();
  }
}

/**
 * LCP, CLS (and FCP, for context) of each route in headless Chromium with the
 * CPU slowed `cpuThrottlingRate` times and a slow-4G network, median of `loads`.
 */
export async function measureWebVitals(options: {
  baseUrl: string;
  routes: readonly string[];
  loads: number;
  conditions: Conditions;
}): Promise<WebVitals[]> {
  const browser = await chromium.launch({
    executablePath: process.env.BENCH_CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  try {
    const results: WebVitals[] = [];
    for (const route of options.routes) {
      const loads = [];
      for (let i = 0; i < options.loads; i += 1) loads.push(await loadOnce(browser, `${options.baseUrl}${route}`, options.conditions));
      const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
      results.push({
        route,
        loads: loads.map((l) => ({ lcpMs: round(l.lcpMs, 0), cls: round(l.cls, 4), fcpMs: round(l.fcpMs, 0) })),
        lcpMs: round(median(loads.map((l) => l.lcpMs)), 0),
        cls: round(median(loads.map((l) => l.cls)), 4),
        fcpMs: round(median(loads.map((l) => l.fcpMs)), 0),
      });
    }
    return results;
  } finally {
    await browser.close();
  }
}
