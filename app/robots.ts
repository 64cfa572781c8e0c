import type { MetadataRoute } from "next";
import { clinicContent } from "@/lib/clinic/clinic-content";
import { getEnv } from "@/lib/env";
import { buildRobots } from "@/lib/site/build-robots";

export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return buildRobots({ indexPublicPages: clinicContent.indexPublicPages, publicUrl: getEnv().PUBLIC_URL });
}
