import { NextResponse, type NextRequest } from "next/server";
import { DEFAULT_LOCALE, LOCALES } from "@/lib/i18n/locales";

// Runs before every page request. Two jobs, both cheap:
// 1. Locale routing: English lives at unprefixed paths ("/", "/privacy") and is
//    served from the [locale] segment by an internal rewrite; "/en/…" redirects
//    to its canonical unprefixed URL; other locales keep their prefix ("/es").
// 2. A fresh nonce per request and a strict Content-Security-Policy: only our
//    own scripts (Next.js applies the nonce to its own) and no third-party
//    origin of any kind. Confidentiality rule 4: these pages talk to no one else.
export function proxy(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  const [, first] = pathname.split("/");
  if (first === DEFAULT_LOCALE) {
    const canonical = pathname.slice(DEFAULT_LOCALE.length + 1) || "/";
    return NextResponse.redirect(new URL(`${canonical}${search}`, request.url), 308);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);

  const prefixed = (LOCALES as readonly string[]).includes(first ?? "") || first === "staff";
  const response = prefixed
    ? NextResponse.next({ request: { headers: requestHeaders } })
    : NextResponse.rewrite(new URL(`/${DEFAULT_LOCALE}${pathname === "/" ? "" : pathname}${search}`, request.url), {
        request: { headers: requestHeaders },
      });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

function contentSecurityPolicy(nonce: string): string {
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
    "frame-ancestors 'none'",
  ].join("; ");
}

export const config = {
  // Everything but the API, build assets and files (anything with a dot).
  matcher: [{ source: "/((?!api|_next/static|_next/image|.*\\..*).*)" }],
};
