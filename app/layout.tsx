import type { Metadata, Viewport } from "next";
import "./globals.css";

// Titles are neutral everywhere (confidentiality rule 1): a browser tab or the
// history list must not tell an onlooker what this site is about.
export const metadata: Metadata = {
  title: "Contact request",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
