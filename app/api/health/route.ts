import { getDb } from "@/lib/db/client";
import { logger } from "@/lib/logging/logger";

// Liveness and database readiness for load balancers and the dev launcher.
export async function GET(): Promise<Response> {
  try {
    await getDb().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    logger.warn({ err }, "health check: database unavailable");
    return Response.json({ status: "database_unavailable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
