import { expect, type Page, type Response } from "@playwright/test";

// Every staff page the browser loads as a document is checked as it arrives:
// never cached (Cache-Control: no-store), never indexed (X-Robots-Tag and a
// robots meta tag), and the strict Content-Security-Policy with a fresh nonce
// that every script element in the HTML carries.

type Checked = { path: string; nonce: string | null; problems: string[] };

async function inspect(response: Response): Promise<Checked> {
  const url = new URL(response.url());
  const headers = await response.allHeaders();
  const problems: string[] = [];
  const where = `${url.pathname} (${response.status()})`;
  if (!(headers["cache-control"] ?? "").includes("no-store")) problems.push(`${where}: Cache-Control is "${headers["cache-control"] ?? ""}"`);
  if (!(headers["x-robots-tag"] ?? "").includes("noindex")) problems.push(`${where}: X-Robots-Tag is "${headers["x-robots-tag"] ?? ""}"`);
  const policy = headers["content-security-policy"] ?? "";
  const scriptSrc = policy.split(";").map((directive) => directive.trim()).find((directive) => directive.startsWith("script-src ")) ?? "";
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scriptSrc)?.[1] ?? null;
  if (!nonce) problems.push(`${where}: no nonce in script-src ("${scriptSrc}")`);
  if (scriptSrc.includes("'unsafe-inline'") || scriptSrc.includes("'unsafe-eval'")) problems.push(`${where}: unsafe script-src "${scriptSrc}"`);
  for (const directive of ["default-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'"]) {
    if (!policy.includes(directive)) problems.push(`${where}: CSP lacks ${directive}`);
  }
  const html = await response.text().catch(() => null);
  if (html !== null) {
    if (!/<meta name="robots" content="[^"]*noindex[^"]*"/.test(html)) problems.push(`${where}: no <meta name="robots" content="noindex…">`);
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    const unsigned = scripts.filter((tag) => !tag.includes(`nonce="${nonce ?? "-"}"`));
    if (unsigned.length > 0) problems.push(`${where}: ${unsigned.length} script element(s) without the nonce, e.g. ${unsigned[0] ?? ""}`);
  }
  return { path: url.pathname, nonce, problems };
}

export function watchStaffDocuments(page: Page): { expectChecked(paths: string[]): Promise<void> } {
  const pending: Promise<Checked>[] = [];
  page.on("response", (response) => {
    const request = response.request();
    if (!request.isNavigationRequest() || request.frame() !== page.mainFrame()) return;
    if (!new URL(response.url()).pathname.startsWith("/staff")) return;
    if (response.status() !== 200 && response.status() !== 403) return;
    pending.push(inspect(response));
  });
  return {
    /** Soft-fails listing every problem; hard-fails if one of `paths` was never loaded as a document. */
    async expectChecked(paths: string[]) {
      const checked = await Promise.all(pending);
      expect.soft(checked.flatMap((entry) => entry.problems), "staff page headers and markup").toEqual([]);
      const nonces = checked.map((entry) => entry.nonce).filter((nonce): nonce is string => nonce !== null);
      expect.soft(new Set(nonces).size, "a fresh CSP nonce for every page load").toBe(nonces.length);
      const seen = new Set(checked.map((entry) => entry.path));
      expect(paths.filter((path) => !seen.has(path)), "staff pages loaded and checked").toEqual([]);
    },
  };
}
