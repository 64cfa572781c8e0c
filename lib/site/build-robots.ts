import type { MetadataRoute } from "next";

// robots.txt: the staff area and the API are never crawled. Whether the public
// pages may be is the clinic's choice (clinic.json `indexPublicPages`): some
// clinics want the form found by search, others only linked from their site.
export function buildRobots(options: { indexPublicPages: boolean; publicUrl: string }): MetadataRoute.Robots {
  const neverCrawled = ["/staff", "/api/"];
  return {
    rules: options.indexPublicPages
      ? { userAgent: "*", allow: "/", disallow: neverCrawled }
      : { userAgent: "*", disallow: "/" },
    host: new URL(options.publicUrl).host,
  };
}
