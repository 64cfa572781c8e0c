import { clinicContent } from "@/lib/clinic/clinic-content";
import { getEnv } from "@/lib/env";
import { buildSecurityTxt } from "@/lib/site/build-security-txt";

// Served at /.well-known/security.txt by a rewrite (next.config.js): the App
// Router does not route folders whose name starts with a dot.
export function GET(): Response {
  const body = buildSecurityTxt({ contactEmail: clinicContent.email, publicUrl: getEnv().PUBLIC_URL, now: new Date() });
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=86400" } });
}
