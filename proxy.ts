import { NextResponse, type NextRequest } from "next/server";
import { frameAncestors, parseEmbedOrigins } from "@/lib/security/embed-origins";

// Validated at start-up by lib/env.ts; read here without the rest of the env.
const EMBED_ORIGINS = parseEmbedOrigins(process.env.EMBED_ALLOWED_ORIGINS, { production: process.env.NODE_ENV === "production" });

// Runs before every page request: a fresh nonce and a strict
// Content-Security-Policy. Only our own scripts run (Next.js applies the nonce
// to its own) and no third-party origin of any kind is allowed. Confidentiality
// rule 4: these pages talk to no one else. (Locale routing is in next.config.js.)
export function proxy(request: NextRequest): NextResponse {
  if (isCrossSiteStaffPost(request)) {
    return new NextResponse("Cross-site request refused.", { status: 403, headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce, frameAncestors(request.nextUrl.pathname, EMBED_ORIGINS));
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

// Every POST to the staff area (server actions, sign-in included) must come
// from our own pages: an Origin naming this host, and no Sec-Fetch-Site
// saying otherwise. Next.js checks Origin only when it is present; a browser
// always sends it on POST, so a missing one is refused here too. This is a
// cross-site-request filter in front of the actions, which still authorise
// every call themselves.
function isCrossSiteStaffPost(request: NextRequest): boolean {
  if (request.method !== "POST" || !request.nextUrl.pathname.startsWith("/staff")) return false;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin") return true;
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin === null || host === null) return true;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

function contentSecurityPolicy(nonce: string, ancestors: string): string {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self'${dev ? " 'unsafe-inline'" : ` 'nonce-${nonce}'`}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    // 'none' unless the clinic opted in (EMBED_ALLOWED_ORIGINS); browsers
    // ignore X-Frame-Options (DENY, next.config.js) when this is present.
    ancestors,
  ].join("; ");
}

export const config = {
  // Everything but the API, build assets and files (anything with a dot).
  matcher: [{ source: "/((?!api|_next/static|_next/image|.*\\..*).*)" }],
};
