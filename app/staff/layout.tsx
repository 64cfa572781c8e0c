import type { Metadata, Viewport } from "next";
import { getEnv } from "@/lib/env";
import "../globals.css";
import "./staff.css";

// The staff area: English only, never indexed, never cached (next.config.js
// adds Cache-Control: no-store and X-Robots-Tag), the same strict CSP as the
// public pages (proxy.ts). Titles stay neutral like the public ones.
export function generateMetadata(): Metadata {
  return {
    title: { default: "Staff", template: "%s · Staff" },
    metadataBase: new URL(getEnv().PUBLIC_URL),
    robots: { index: false, follow: false },
    referrer: "same-origin",
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function StaffLayout({ children }: { children: React.ReactNode }) {
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
