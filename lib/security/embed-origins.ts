// The opt-in allow-list of sites that may show the public pages in an iframe
// (EMBED_ALLOWED_ORIGINS, comma-separated origins). Empty, the default: no
// framing at all. Only exact origins are accepted (scheme, host, optional
// port; no paths or wildcards), and only https ones outside development.
export function parseEmbedOrigins(value: string | undefined, options: { production: boolean }): string[] {
  const items = (value ?? "").split(",").map((item) => item.trim()).filter(Boolean);
  return items.map((item) => {
    let url: URL;
    try {
      url = new URL(item);
    } catch {
      throw new Error(`"${item}" is not an origin like https://www.your-clinic.org`);
    }
    if (item.includes("*") || url.origin !== item.replace(/\/$/, "")) throw new Error(`"${item}" must be an origin only (no path, query or wildcard)`);
    if (url.protocol !== "https:" && (options.production || url.protocol !== "http:")) throw new Error(`"${item}" must start with https://`);
    return url.origin;
  });
}

// frame-ancestors for a page: staff pages are never framed; public pages
// only by the allow-listed origins.
export function frameAncestors(pathname: string, allowed: readonly string[]): string {
  if (pathname.startsWith("/staff") || allowed.length === 0) return "frame-ancestors 'none'";
  return `frame-ancestors ${allowed.join(" ")}`;
}
