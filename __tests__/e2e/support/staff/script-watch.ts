import { expect, type BrowserContext, type Page } from "@playwright/test";

// Watches a browser context for any sign that stored text ran as code or was
// parsed as markup: a dialog (alert, confirm, prompt), the global the
// payloads set (window.__xss), a Content-Security-Policy violation, a request
// for "x" (what <img src=x> fetches), and, in the DOM itself, an inline event
// handler attribute, a URL attribute carrying the payload, a frame, an
// <img src=x> or a <script> holding the payload as code. The DOM checks hold
// whether or not the CSP would have stopped the script: they prove the text
// never became markup at all.

type Violation = { directive: string; blockedURI: string; sample: string; source: string };
type ProbeWindow = { __xss?: unknown; __cspViolations?: Violation[] };

export const PAYLOAD_MARKER = "__xss";

/** Everything found on one page, as strings, so a failure message shows them all. */
export type PageFindings = { xss: string; dialogs: string[]; violations: string[]; injected: string[]; payloadRequests: string[] };

export type ScriptWatch = {
  /** What the page (as loaded now) shows of a payload having run or been parsed, without asserting. */
  inspect(page: Page): Promise<PageFindings>;
  /** Soft-asserts the page shows no sign of a payload having run or been parsed. */
  expectInert(page: Page, where: string): Promise<PageFindings>;
};

function recordViolations(): void {
  const probe = window as unknown as ProbeWindow;
  probe.__cspViolations = [];
  document.addEventListener(
    "securitypolicyviolation",
    (event) => {
      probe.__cspViolations?.push({ directive: event.violatedDirective, blockedURI: event.blockedURI, sample: event.sample, source: event.sourceFile });
    },
    true,
  );
}

function inspectDocument(marker: string): { xss: string; violations: Violation[]; injected: string[] } {
  const probe = window as unknown as ProbeWindow;
  const injected: string[] = [];
  const urlAttributes = /^(href|src|action|formaction|srcdoc|data|xlink:href|poster|background)$/i;
  for (const element of Array.from(document.querySelectorAll("*"))) {
    const name = element.localName;
    for (const attribute of Array.from(element.attributes)) {
      // React never renders on* attributes; one in the DOM came from data.
      if (/^on/i.test(attribute.name)) injected.push(`<${name} ${attribute.name}="${attribute.value}">`);
      else if (urlAttributes.test(attribute.name) && attribute.value.includes(marker)) injected.push(`<${name} ${attribute.name}="${attribute.value}">`);
    }
    if (name === "iframe" || name === "object" || name === "embed" || name === "frame") injected.push(`<${name}>`);
    if (name === "img" && element.getAttribute("src") === "x") injected.push("<img src=x>");
    const code = name === "script" ? (element.textContent ?? "") : "";
    // Next.js's own inline scripts carry the page data (payloads included, as
    // escaped JSON strings) in self.__next_f; any other script with the marker is injected.
    if (code.includes(marker) && !code.includes("__next_f")) injected.push(`<script>${code.slice(0, 80)}</script>`);
  }
  return { xss: typeof probe.__xss === "undefined" ? "undefined" : String(probe.__xss), violations: probe.__cspViolations ?? [], injected };
}

export async function watchForScripts(context: BrowserContext): Promise<ScriptWatch> {
  const dialogs = new Map<Page, string[]>();
  const payloadRequests = new Map<Page, string[]>();
  const listFor = (map: Map<Page, string[]>, page: Page) => {
    const list = map.get(page) ?? [];
    map.set(page, list);
    return list;
  };
  await context.addInitScript(recordViolations);
  context.on("dialog", (dialog) => {
    const page = dialog.page();
    if (page) listFor(dialogs, page).push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  context.on("request", (request) => {
    if (new URL(request.url()).pathname.split("/").at(-1) !== "x") return;
    try {
      listFor(payloadRequests, request.frame().page()).push(request.url());
    } catch {
      // A request without a frame (a service worker's) belongs to no page.
    }
  });

  const inspect = async (page: Page): Promise<PageFindings> => {
    await page.waitForLoadState("load");
    // Two frames: time for hydration and for any image error handler to fire.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const found = await page.evaluate(inspectDocument, PAYLOAD_MARKER);
    const findings: PageFindings = {
      xss: found.xss,
      dialogs: [...listFor(dialogs, page)],
      // Every CSP violation on a staff page is reported: the pages need none,
      // so one means something tried to run or load that was not ours.
      violations: found.violations.map((v) => `${v.directive} blocked "${v.blockedURI}" (sample "${v.sample}", source ${v.source})`),
      injected: found.injected,
      payloadRequests: [...listFor(payloadRequests, page)],
    };
    listFor(dialogs, page).length = 0;
    listFor(payloadRequests, page).length = 0;
    return findings;
  };

  return {
    inspect,
    async expectInert(page, where) {
      const findings = await inspect(page);
      expect.soft(findings.xss, `${where}: window.${PAYLOAD_MARKER}`).toBe("undefined");
      expect.soft(findings.dialogs, `${where}: dialogs opened`).toEqual([]);
      expect.soft(findings.violations, `${where}: Content-Security-Policy violations`).toEqual([]);
      expect.soft(findings.injected, `${where}: markup made from stored text`).toEqual([]);
      expect.soft(findings.payloadRequests, `${where}: requests made by an injected <img src=x>`).toEqual([]);
      return findings;
    },
  };
}
