import { e2eSettings } from "../settings";

export type PageResponse = { status: number; location: string | null; body: string; headers: Headers; setCookies: string[] };

/**
 * A page requested as a browser would, with a persona's cookie: the document
 * (`rsc: false`), or the React Server Components payload a client-side
 * navigation fetches (`rsc: true`: header RSC: 1 and the cache-busting `_rsc`
 * parameter Next.js insists on, empty when no router state is sent).
 */
export async function fetchStaffPath(path: string, options: { cookie?: string; rsc?: boolean; method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<PageResponse> {
  const baseUrl = e2eSettings().baseUrl;
  const headers = new Headers({ "User-Agent": "e2e-authorisation-matrix", ...options.headers });
  if (options.cookie) headers.set("Cookie", options.cookie);
  if (options.rsc) headers.set("RSC", "1");
  const url = options.rsc ? `${path}${path.includes("?") ? "&" : "?"}_rsc=` : path;
  const response = await fetch(`${baseUrl}${url}`, { method: options.method ?? "GET", headers, body: options.body, redirect: "manual" });
  return {
    status: response.status,
    location: response.headers.get("location"),
    body: await response.text(),
    headers: response.headers,
    setCookies: response.headers.getSetCookie(),
  };
}

/** The Cookie header a browser context would send to the app. */
export function cookieHeader(cookies: { name: string; value: string }[]): string {
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}
