import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "../globals.css";
import "./staff.css";

// The staff area: English only, never indexed, never cached (next.config.js
// adds Cache-Control: no-store and X-Robots-Tag), the same strict CSP as the
// public pages (proxy.ts). Titles stay neutral like the public ones.
export function generateMetadata(): Metadata {
  return {
    title: { default: "Staff", template: "%s · Staff" },
    robots: { index: false, follow: false },
    referrer: "same-origin",
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  // Rendered per request, never prerendered: the CSP nonce must reach every
  // script, and no staff page may be served from a build-time copy.
  await connection();
  return (
    <html lang="en">
      <body className="staff">
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
